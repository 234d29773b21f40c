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
 * {@code x <= y} elementwise, broadcast;
 * mirrors {@code org.tensorflow.op.math.LessEqual} (op type {@code LessEqual}).
 */
public final class LessEqual extends RawOperand<TBool> {
    public static final String OP_NAME = "LessEqual";

    public LessEqual(Operation operation) {
        super(operation);
    }

    /** Adds a {@code LessEqual} node. */
    public static <T extends TNumber> LessEqual create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "LessEqual");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new LessEqual(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
