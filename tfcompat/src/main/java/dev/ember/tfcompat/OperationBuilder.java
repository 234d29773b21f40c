package dev.ember.tfcompat;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;

/** Builds one operation; mirrors {@code org.tensorflow.OperationBuilder}. */
public interface OperationBuilder {
    /** Adds the operation to its environment (a graph, or runs it when eager). */
    Operation build();

    OperationBuilder addInput(Output<?> input);

    OperationBuilder addInputList(Output<?>[] inputs);

    OperationBuilder addControlInput(Operation control);

    OperationBuilder setDevice(String device);

    OperationBuilder setAttr(String name, String value);

    OperationBuilder setAttr(String name, String[] value);

    OperationBuilder setAttr(String name, byte[] value);

    OperationBuilder setAttr(String name, long value);

    OperationBuilder setAttr(String name, long[] value);

    OperationBuilder setAttr(String name, float value);

    OperationBuilder setAttr(String name, float[] value);

    OperationBuilder setAttr(String name, boolean value);

    OperationBuilder setAttr(String name, boolean[] value);

    OperationBuilder setAttr(String name, DataType value);

    OperationBuilder setAttr(String name, DataType[] value);

    OperationBuilder setAttr(String name, Tensor value);

    OperationBuilder setAttr(String name, Tensor[] value);

    OperationBuilder setAttr(String name, Shape value);

    OperationBuilder setAttr(String name, Shape[] value);
}
