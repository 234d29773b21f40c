package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * {@code x >= y} elementwise, broadcast;
 * mirrors {@code org.tensorflow.op.math.GreaterEqual} (op type {@code GreaterEqual}).
 */
public final class GreaterEqual extends RawOperand<TBool> {
    public static final String OP_NAME = "GreaterEqual";

    public GreaterEqual(Operation operation) {
        super(operation);
    }

    /** Adds a {@code GreaterEqual} node. */
    public static <T extends TNumber> GreaterEqual create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "GreaterEqual");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new GreaterEqual(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
