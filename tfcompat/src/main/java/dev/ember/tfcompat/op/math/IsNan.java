package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/** Which elements are NaN; mirrors {@code org.tensorflow.op.math.IsNan} (op type {@code IsNan}). */
public final class IsNan extends RawOperand<TBool> {
    public static final String OP_NAME = "IsNan";

    public IsNan(Operation operation) {
        super(operation);
    }

    /** Adds a {@code IsNan} node. */
    public static IsNan create(Scope scope, Operand<? extends TNumber> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "IsNan");
        b.addInput(x.asOutput());
        return new IsNan(b.build());
    }

    public Output<TBool> y() {
        return asOutput();
    }
}
