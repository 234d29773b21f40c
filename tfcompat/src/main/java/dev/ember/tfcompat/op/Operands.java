package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Output;
import java.util.ArrayList;
import java.util.List;

/** Helpers for op classes taking lists of operands; mirrors {@code org.tensorflow.op.Operands}. */
public final class Operands {
    private Operands() {
    }

    /** The outputs of {@code inputs}, in order. */
    public static Output<?>[] asOutputs(Iterable<? extends Operand<?>> inputs) {
        List<Output<?>> out = new ArrayList<>();
        for (Operand<?> o : inputs) {
            out.add(o.asOutput());
        }
        return out.toArray(new Output<?>[0]);
    }
}
