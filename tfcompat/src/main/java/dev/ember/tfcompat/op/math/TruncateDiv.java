package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code x / y} rounded toward zero;
 * mirrors {@code org.tensorflow.op.math.TruncateDiv} (op type {@code TruncateDiv}).
 */
public final class TruncateDiv<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "TruncateDiv";

    public TruncateDiv(Operation operation) {
        super(operation);
    }

    /** Adds a {@code TruncateDiv} node. */
    public static <T extends TType> TruncateDiv<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "TruncateDiv");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        return new TruncateDiv<>(b.build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
