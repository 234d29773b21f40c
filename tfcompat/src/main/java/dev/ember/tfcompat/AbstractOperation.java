package dev.ember.tfcompat;

import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** What graph and eager operations share; mirrors {@code org.tensorflow.AbstractOperation}. */
public abstract class AbstractOperation implements Operation {

    /** Type of output {@code i}. */
    abstract DataType outputType(int i);

    /** Static shape of output {@code i}. */
    abstract Shape outputShape(int i);

    /** Value of output {@code i} (eager only). */
    abstract TType tensor(int i);

    @Override
    @SuppressWarnings("unchecked")
    public <T extends TType> Output<T> output(int idx) {
        if (idx < 0 || idx >= numOutputs()) {
            throw new IndexOutOfBoundsException("Operation '" + name() + "' (" + type() + ") has " + numOutputs()
                    + " outputs, no output " + idx);
        }
        return new Output<>(this, idx);
    }

    @Override
    public Output<?>[] outputList(int idx, int length) {
        Output<?>[] out = new Output<?>[length];
        for (int i = 0; i < length; i++) {
            out[i] = output(idx + i);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format("<%s '%s'>", type(), name());
    }
}
