package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/** {@code x < y} elementwise, broadcast; mirrors {@code org.tensorflow.op.math.Less} (op type {@code Less}). */
public final class Less extends RawOperand<TBool> {
    public static final String OP_NAME = "Less";

    public Less(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Less} node. */
    public static <T extends TNumber> Less create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Less");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new Less(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
