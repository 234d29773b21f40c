package dev.ember.tfcompat;

import java.util.Map;

/** Something callable with named tensors; mirrors {@code org.tensorflow.TensorFunction}. */
public interface TensorFunction {
    /** The inputs and outputs. */
    Signature signature();

    /** Calls with {@code arguments} by input name; the result holds the outputs by output name. */
    Result call(Map<String, Tensor> arguments);

    /** Calls a function of one input and one output with {@code tensor}. */
    default Tensor call(Tensor tensor) {
        Signature s = signature();
        if (s.inputNames().size() != 1) {
            throw new IllegalArgumentException("Can't use call(Tensor) on function \"" + s.key() + "\" with "
                    + s.inputNames().size() + " inputs; it needs exactly one");
        }
        if (s.outputNames().size() != 1) {
            throw new IllegalArgumentException("Can't use call(Tensor) on function \"" + s.key() + "\" with "
                    + s.outputNames().size() + " outputs; it needs exactly one");
        }
        Result r = call(Map.of(s.inputNames().iterator().next(), tensor));
        return r.get(0);
    }
}
