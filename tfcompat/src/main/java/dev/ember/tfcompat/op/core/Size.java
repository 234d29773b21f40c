package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/** The number of elements of {@code input}; mirrors {@code org.tensorflow.op.core.Size} (op type {@code Size}). */
public final class Size<U extends TNumber> extends RawOperand<U> {
    public static final String OP_NAME = "Size";

    public Size(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Size} node. */
    public static <U extends TNumber> Size<U> create(Scope scope, Operand<? extends TType> input, Class<U> outType) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Size");
        b.addInput(input.asOutput());
        b.setAttr("out_type", TypeInfo.of(outType).dataType());
        return new Size<>(b.build());
    }

    /** Adds a {@code Size} node. */
    public static Size<TInt32> create(Scope scope, Operand<? extends TType> input) {
        return create(scope, input, TInt32.class);
    }

    public Output<U> output() {
        return asOutput();
    }
}
