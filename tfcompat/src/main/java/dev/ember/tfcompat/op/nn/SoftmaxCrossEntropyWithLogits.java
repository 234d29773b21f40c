package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Per-row cross entropy of {@code softmax(features)} against label distributions, and its gradient
 * {@code softmax(features) - labels}; mirrors
 * {@code org.tensorflow.op.nn.SoftmaxCrossEntropyWithLogits} (TF op
 * {@code SoftmaxCrossEntropyWithLogits}).
 */
public final class SoftmaxCrossEntropyWithLogits<T extends TNumber> extends RawOp {
    public static final String OP_NAME = "SoftmaxCrossEntropyWithLogits";

    public SoftmaxCrossEntropyWithLogits(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> SoftmaxCrossEntropyWithLogits<T> create(Scope scope, Operand<T> features,
            Operand<T> labels) {
        return new SoftmaxCrossEntropyWithLogits<>(scope.opBuilder(OP_NAME, "SoftmaxCrossEntropyWithLogits")
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
