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

/** The shape of {@code input} as a vector; mirrors {@code org.tensorflow.op.core.Shape} (op type {@code Shape}). */
public final class Shape<U extends TNumber> extends RawOperand<U> {
    public static final String OP_NAME = "Shape";

    public Shape(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Shape} node. */
    public static <U extends TNumber> Shape<U> create(Scope scope, Operand<? extends TType> input, Class<U> outType) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Shape");
        b.addInput(input.asOutput());
        b.setAttr("out_type", TypeInfo.of(outType).dataType());
        return new Shape<>(b.build());
    }

    /** Adds a {@code Shape} node. */
    public static Shape<TInt32> create(Scope scope, Operand<? extends TType> input) {
        return create(scope, input, TInt32.class);
    }

    public Output<U> output() {
        return asOutput();
    }
}
