package dev.ember.tfcompat.legacy;

/** One output of an operation; mirrors libtensorflow 1.15's {@code org.tensorflow.Output}. */
public final class Output<T> implements Operand<T> {
    private final GraphOperation operation;
    private final dev.ember.tfcompat.Output<?> modern;

    Output(GraphOperation operation, dev.ember.tfcompat.Output<?> modern) {
        this.operation = operation;
        this.modern = modern;
    }

    public Operation op() {
        return operation;
    }

    public int index() {
        return modern.index();
    }

    /** The static shape (dimensions -1 where unknown). */
    public Shape shape() {
        return Shape.of(modern.shape());
    }

    public DataType dataType() {
        return DataType.of(modern.dataType());
    }

    /** Only eager outputs have a value; graph outputs are fetched by running a session. */
    public Tensor<T> tensor() {
        throw new IllegalStateException("Graph tensors must be fetched by running a session");
    }

    @Override
    public Output<T> asOutput() {
        return this;
    }

    /** Engine internal: the tfcompat output. */
    dev.ember.tfcompat.Output<?> modern() {
        return modern;
    }

    @Override
    public int hashCode() {
        return modern.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Output && ((Output<?>) o).modern.equals(modern);
    }

    @Override
    public String toString() {
        return String.format("<%s '%s:%d' shape=%s dtype=%s>", operation.type(), operation.name(), index(), shape(),
                modern.dataType() == org.tensorflow.proto.DataType.DT_RESOURCE ? "RESOURCE" : dataType().toString());
    }
}
