package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Local response normalisation over the last dimension; mirrors
 * {@code org.tensorflow.op.nn.LocalResponseNormalization} (TF op {@code LRN}).
 */
public final class LocalResponseNormalization<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "LRN";

    public LocalResponseNormalization(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private Long depthRadius;
        private Float bias;
        private Float alpha;
        private Float beta;

        private Options() {
        }

        public Options depthRadius(Long depthRadius) {
            this.depthRadius = depthRadius;
            return this;
        }

        public Options bias(Float bias) {
            this.bias = bias;
            return this;
        }

        public Options alpha(Float alpha) {
            this.alpha = alpha;
            return this;
        }

        public Options beta(Float beta) {
            this.beta = beta;
            return this;
        }
    }

    public static Options depthRadius(Long depthRadius) {
        return new Options().depthRadius(depthRadius);
    }

    public static Options bias(Float bias) {
        return new Options().bias(bias);
    }

    public static Options alpha(Float alpha) {
        return new Options().alpha(alpha);
    }

    public static Options beta(Float beta) {
        return new Options().beta(beta);
    }

    public static <T extends TNumber> LocalResponseNormalization<T> create(Scope scope, Operand<T> input,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "LocalResponseNormalization").addInput(input.asOutput());
        for (Options o : options) {
            if (o.depthRadius != null) {
                b.setAttr("depth_radius", (long) o.depthRadius);
            }
            if (o.bias != null) {
                b.setAttr("bias", (float) o.bias);
            }
            if (o.alpha != null) {
                b.setAttr("alpha", (float) o.alpha);
            }
            if (o.beta != null) {
                b.setAttr("beta", (float) o.beta);
            }
        }
        return new LocalResponseNormalization<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
