package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * The index of the largest value along {@code dimension};
 * mirrors {@code org.tensorflow.op.math.ArgMax} (op type {@code ArgMax}).
 */
public final class ArgMax<V extends TNumber> extends RawOperand<V> {
    public static final String OP_NAME = "ArgMax";

    public ArgMax(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ArgMax} node. */
    public static <V extends TNumber> ArgMax<V> create(Scope scope, Operand<? extends TType> input,
            Operand<? extends TNumber> dimension, Class<V> outputType) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ArgMax");
        b.addInput(input.asOutput());
        b.addInput(dimension.asOutput());
        b.setAttr("output_type", TypeInfo.of(outputType).dataType());
        return new ArgMax<>(b.build());
    }

    /** Adds a {@code ArgMax} node. */
    public static ArgMax<TInt64> create(Scope scope, Operand<? extends TType> input,
            Operand<? extends TNumber> dimension) {
        return create(scope, input, dimension, TInt64.class);
    }

    public Output<V> output() {
        return asOutput();
    }
}
