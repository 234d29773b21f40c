package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Per-row cross entropy of {@code softmax(features)} against class indices, and its gradient; mirrors
 * {@code org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits} (TF op
 * {@code SparseSoftmaxCrossEntropyWithLogits}).
 */
public final class SparseSoftmaxCrossEntropyWithLogits<T extends TNumber> extends RawOp {
    public static final String OP_NAME = "SparseSoftmaxCrossEntropyWithLogits";

    public SparseSoftmaxCrossEntropyWithLogits(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> SparseSoftmaxCrossEntropyWithLogits<T> create(Scope scope, Operand<T> features,
            Operand<? extends TNumber> labels) {
        return new SparseSoftmaxCrossEntropyWithLogits<>(scope.opBuilder(OP_NAME, "SparseSoftmaxCrossEntropyWithLogits")
                .addInput(features.asOutput())
                .addInput(labels.asOutput())
                .build());
    }

    /** The per-row loss. */
    public Output<T> loss() {
        return op().output(0);
    }

    /** The gradient of the loss with respect to the features. */
    public Output<T> backprop() {
        return op().output(1);
    }
}
