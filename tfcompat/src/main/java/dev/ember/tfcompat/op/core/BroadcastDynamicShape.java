package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The broadcast of two shape vectors;
 * mirrors {@code org.tensorflow.op.core.BroadcastDynamicShape} (op type {@code BroadcastArgs}).
 */
public final class BroadcastDynamicShape<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "BroadcastArgs";

    public BroadcastDynamicShape(Operation operation) {
        super(operation);
    }

    /** Adds a {@code BroadcastArgs} node. */
    public static <T extends TNumber> BroadcastDynamicShape<T> create(Scope scope, Operand<T> s0, Operand<T> s1) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "BroadcastDynamicShape");
        b.addInput(s0.asOutput());
        b.addInput(s1.asOutput());
        return new BroadcastDynamicShape<>(b.build());
    }

    public Output<T> r0() {
        return asOutput();
    }
}
