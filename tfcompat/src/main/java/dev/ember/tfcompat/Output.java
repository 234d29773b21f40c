package dev.ember.tfcompat;

import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.types.family.TType;
import java.util.Objects;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** One output of an operation; mirrors {@code org.tensorflow.Output}. */
public final class Output<T extends TType> implements Operand<T> {
    private final AbstractOperation operation;
    private final int index;

    Output(AbstractOperation operation, int index) {
        this.operation = operation;
        this.index = index;
    }

    /** The output's index in its operation. */
    public int index() {
        return index;
    }

    /** {@code opName:index}, the form string-named fetches use. */
    public String name() {
        return operation.name() + ":" + index;
    }

    /** The element type. */
    public DataType dataType() {
        return operation.outputType(index);
    }

    /** The element type class. */
    @Override
    @SuppressWarnings("unchecked")
    public Class<T> type() {
        return (Class<T>) TypeInfo.of(dataType()).type();
    }

    /** This output viewed with element type {@code type}; fails when the types differ. */
    @SuppressWarnings("unchecked")
    public <U extends TType> Output<U> expect(Class<U> type) {
        if (TypeInfo.of(type).dataType() != dataType()) {
            throw new IllegalArgumentException("Cannot cast from output of " + dataType() + " to output of "
                    + TypeInfo.of(type).dataType());
        }
        return (Output<U>) this;
    }

    @Override
    public Shape shape() {
        return operation.outputShape(index);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T asTensor() {
        return (T) operation.tensor(index);
    }

    @Override
    public Operation op() {
        return operation;
    }

    @Override
    public Output<T> asOutput() {
        return this;
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Output && ((Output<?>) o).operation.equals(operation) && ((Output<?>) o).index == index;
    }

    @Override
    public String toString() {
        return String.format("<%s '%s:%d' shape=%s dtype=%s>", operation.type(), operation.name(), index, shape(),
                dataType());
    }
}
