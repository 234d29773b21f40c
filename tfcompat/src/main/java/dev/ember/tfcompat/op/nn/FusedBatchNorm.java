package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Batch normalisation; see the outputs' documentation for what TF returns in each; mirrors
 * {@code org.tensorflow.op.nn.FusedBatchNorm} (TF op {@code FusedBatchNormV3}).
 */
public final class FusedBatchNorm<T extends TNumber, U extends TNumber> extends RawOp {
    public static final String OP_NAME = "FusedBatchNormV3";

    public FusedBatchNorm(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private Float epsilon;
        private Float exponentialAvgFactor;
        private String dataFormat;
        private Boolean isTraining;

        private Options() {
        }

        public Options epsilon(Float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Options exponentialAvgFactor(Float exponentialAvgFactor) {
            this.exponentialAvgFactor = exponentialAvgFactor;
            return this;
        }

        public Options dataFormat(String dataFormat) {
            this.dataFormat = dataFormat;
            return this;
        }

        public Options isTraining(Boolean isTraining) {
            this.isTraining = isTraining;
            return this;
        }
    }

    public static Options epsilon(Float epsilon) {
        return new Options().epsilon(epsilon);
    }

    public static Options exponentialAvgFactor(Float exponentialAvgFactor) {
        return new Options().exponentialAvgFactor(exponentialAvgFactor);
    }

    public static Options dataFormat(String dataFormat) {
        return new Options().dataFormat(dataFormat);
    }

    public static Options isTraining(Boolean isTraining) {
        return new Options().isTraining(isTraining);
    }

    public static <T extends TNumber, U extends TNumber> FusedBatchNorm<T, U> create(Scope scope, Operand<T> x,
            Operand<U> scale, Operand<U> offset, Operand<U> mean, Operand<U> variance, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "FusedBatchNorm")
                .addInput(x.asOutput())
                .addInput(scale.asOutput())
                .addInput(offset.asOutput())
                .addInput(mean.asOutput())
                .addInput(variance.asOutput());
        for (Options o : options) {
            if (o.epsilon != null) {
                b.setAttr("epsilon", (float) o.epsilon);
            }
            if (o.exponentialAvgFactor != null) {
                b.setAttr("exponential_avg_factor", (float) o.exponentialAvgFactor);
            }
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
            if (o.isTraining != null) {
                b.setAttr("is_training", (boolean) o.isTraining);
            }
        }
        return new FusedBatchNorm<>(b.build());
    }

    public Output<T> y() {
        return op().output(0);
    }

    /**
     * The batch mean (training; with exponential_avg_factor f != 1: {@code (1-f) * mean + f * batch
     * mean}), or the given mean (inference).
     */
    public Output<U> batchMean() {
        return op().output(1);
    }

    /**
     * The UNBIASED batch variance (training; with f != 1: {@code (1-f) * variance + f * unbiased batch
     * variance}), or the given variance (inference).
     */
    public Output<U> batchVariance() {
        return op().output(2);
    }

    /** The batch mean (training) or the given mean (inference), for the gradient. */
    public Output<U> reserveSpace1() {
        return op().output(3);
    }

    /** The BIASED batch variance (training) or the given variance (inference), for the gradient. */
    public Output<U> reserveSpace2() {
        return op().output(4);
    }

    /** An empty tensor (TF's CPU kernels use no third reserve space). */
    public Output<U> reserveSpace3() {
        return op().output(5);
    }
}
