package dev.ember.tfcompat.op.dtypes;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TType;

/**
 * A scalar as bool ({@code != 0}); a non-scalar is true when it has elements;
 * mirrors {@code org.tensorflow.op.dtypes.ToBool} (op type {@code ToBool}).
 */
public final class ToBool extends RawOperand<TBool> {
    public static final String OP_NAME = "ToBool";

    public ToBool(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ToBool} node. */
    public static ToBool create(Scope scope, Operand<? extends TType> input) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ToBool");
        b.addInput(input.asOutput());
        return new ToBool(b.build());
    }

    public Output<TBool> output() {
        return asOutput();
    }
}
