package dev.ember.tfcompat.legacy;

/** Builds one operation; mirrors libtensorflow 1.15's {@code org.tensorflow.OperationBuilder}. */
public interface OperationBuilder {
    Operation build();

    OperationBuilder addInput(Output<?> input);

    OperationBuilder addInputList(Output<?>[] inputs);

    OperationBuilder addControlInput(Operation control);

    OperationBuilder setDevice(String device);

    OperationBuilder setAttr(String name, String[] value);

    OperationBuilder setAttr(String name, String value);

    OperationBuilder setAttr(String name, byte[] value);

    OperationBuilder setAttr(String name, long value);

    OperationBuilder setAttr(String name, long[] value);

    OperationBuilder setAttr(String name, float value);

    OperationBuilder setAttr(String name, float[] value);

    OperationBuilder setAttr(String name, boolean value);

    OperationBuilder setAttr(String name, boolean[] value);

    OperationBuilder setAttr(String name, DataType value);

    OperationBuilder setAttr(String name, DataType[] value);

    OperationBuilder setAttr(String name, Tensor<?> value);

    OperationBuilder setAttr(String name, Tensor<?>[] value);

    OperationBuilder setAttr(String name, Shape value);

    OperationBuilder setAttr(String name, Shape[] value);
}
