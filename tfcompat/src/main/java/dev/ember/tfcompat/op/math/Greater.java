package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/** {@code x > y} elementwise, broadcast; mirrors {@code org.tensorflow.op.math.Greater} (op type {@code Greater}). */
public final class Greater extends RawOperand<TBool> {
    public static final String OP_NAME = "Greater";

    public Greater(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Greater} node. */
    public static <T extends TNumber> Greater create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Greater");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Greater(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
