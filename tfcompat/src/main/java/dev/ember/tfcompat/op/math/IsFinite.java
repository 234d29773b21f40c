package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/** Which elements are finite; mirrors {@code org.tensorflow.op.math.IsFinite} (op type {@code IsFinite}). */
public final class IsFinite extends RawOperand<TBool> {
    public static final String OP_NAME = "IsFinite";

    public IsFinite(Operation operation) {
        super(operation);
    }

    /** Adds a {@code IsFinite} node. */
    public static IsFinite create(Scope scope, Operand<? extends TNumber> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "IsFinite");
        b.addInput(x.asOutput());
        return new IsFinite(b.build());
    }

    public Output<TBool> y() {
        return asOutput();
    }
}
