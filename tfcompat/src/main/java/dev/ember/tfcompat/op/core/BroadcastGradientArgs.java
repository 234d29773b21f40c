package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The reduction dimensions of the gradients of two broadcast operands;
 * mirrors {@code org.tensorflow.op.core.BroadcastGradientArgs} (op type {@code BroadcastGradientArgs}).
 */
public final class BroadcastGradientArgs<T extends TNumber> extends RawOp {
    public static final String OP_NAME = "BroadcastGradientArgs";

    public BroadcastGradientArgs(Operation operation) {
        super(operation);
    }

    /** Adds a {@code BroadcastGradientArgs} node. */
    public static <T extends TNumber> BroadcastGradientArgs<T> create(Scope scope, Operand<T> s0, Operand<T> s1) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "BroadcastGradientArgs");
        b.addInput(s0.asOutput());
        b.addInput(s1.asOutput());
        return new BroadcastGradientArgs<>(b.build());
    }

    public Output<T> r0() {
        return op().output(0);
    }

    public Output<T> r1() {
        return op().output(1);
    }
}
