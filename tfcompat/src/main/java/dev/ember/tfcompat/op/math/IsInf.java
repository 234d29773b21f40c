package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/** Which elements are infinite; mirrors {@code org.tensorflow.op.math.IsInf} (op type {@code IsInf}). */
public final class IsInf extends RawOperand<TBool> {
    public static final String OP_NAME = "IsInf";

    public IsInf(Operation operation) {
        super(operation);
    }

    /** Adds a {@code IsInf} node. */
    public static IsInf create(Scope scope, Operand<? extends TNumber> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "IsInf");
        b.addInput(x.asOutput());
        return new IsInf(b.build());
    }

    public Output<TBool> y() {
        return asOutput();
    }
}
