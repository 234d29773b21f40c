package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Operands;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TType;

/**
 * Interleaves {@code data} into one tensor at {@code indices};
 * mirrors {@code org.tensorflow.op.core.DynamicStitch} (op type {@code DynamicStitch}).
 */
public final class DynamicStitch<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "DynamicStitch";

    public DynamicStitch(Operation operation) {
        super(operation);
    }

    /** Adds a {@code DynamicStitch} node. */
    public static <T extends TType> DynamicStitch<T> create(Scope scope, Iterable<Operand<TInt32>> indices,
            Iterable<Operand<T>> data) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "DynamicStitch");
        Output<?>[] indicesOutputs = Operands.asOutputs(indices);
        b.addInputList(indicesOutputs);
        b.setAttr("N", (long) indicesOutputs.length);
        Output<?>[] dataOutputs = Operands.asOutputs(data);
        b.addInputList(dataOutputs);
        return new DynamicStitch<>(b.build());
    }

    public Output<T> merged() {
        return asOutput();
    }
}
