package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Operands;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** The sum of equal-shaped tensors; mirrors {@code org.tensorflow.op.math.AddN} (op type {@code AddN}). */
public final class AddN<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "AddN";

    public AddN(Operation operation) {
        super(operation);
    }

    /** Adds a {@code AddN} node. */
    public static <T extends TType> AddN<T> create(Scope scope, Iterable<Operand<T>> inputs) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "AddN");
        Output<?>[] inputsOutputs = Operands.asOutputs(inputs);
        b.addInputList(inputsOutputs);
        b.setAttr("N", (long) inputsOutputs.length);
        return new AddN<>(b.build());
    }

    public Output<T> sum() {
        return asOutput();
    }
}
