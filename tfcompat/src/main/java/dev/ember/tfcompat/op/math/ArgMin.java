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
 * The index of the smallest value along {@code dimension};
 * mirrors {@code org.tensorflow.op.math.ArgMin} (op type {@code ArgMin}).
 */
public final class ArgMin<V extends TNumber> extends RawOperand<V> {
    public static final String OP_NAME = "ArgMin";

    public ArgMin(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ArgMin} node. */
    public static <V extends TNumber> ArgMin<V> create(Scope scope, Operand<? extends TType> input,
            Operand<? extends TNumber> dimension, Class<V> outputType) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ArgMin");
        b.addInput(input.asOutput());
        b.addInput(dimension.asOutput());
        b.setAttr("output_type", TypeInfo.of(outputType).dataType());
        return new ArgMin<>(b.build());
    }

    /** Adds a {@code ArgMin} node. */
    public static ArgMin<TInt64> create(Scope scope, Operand<? extends TType> input,
            Operand<? extends TNumber> dimension) {
        return create(scope, input, dimension, TInt64.class);
    }

    public Output<V> output() {
        return asOutput();
    }
}
