package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The inverse of a permutation vector;
 * mirrors {@code org.tensorflow.op.math.InvertPermutation} (op type {@code InvertPermutation}).
 */
public final class InvertPermutation<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "InvertPermutation";

    public InvertPermutation(Operation operation) {
        super(operation);
    }

    /** Adds a {@code InvertPermutation} node. */
    public static <T extends TNumber> InvertPermutation<T> create(Scope scope, Operand<T> x) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "InvertPermutation");
        b.addInput(x.asOutput());
        return new InvertPermutation<>(b.build());
    }

    public Output<T> y() {
        return asOutput();
    }
}
