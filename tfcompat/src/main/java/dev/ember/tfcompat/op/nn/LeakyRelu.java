package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * {@code features > 0 ? features : alpha * features} (alpha 0.2 by default); mirrors
 * {@code org.tensorflow.op.nn.LeakyRelu} (TF op {@code LeakyRelu}).
 */
public final class LeakyRelu<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "LeakyRelu";

    public LeakyRelu(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private Float alpha;

        private Options() {
        }

        public Options alpha(Float alpha) {
            this.alpha = alpha;
            return this;
        }
    }

    public static Options alpha(Float alpha) {
        return new Options().alpha(alpha);
    }

    public static <T extends TNumber> LeakyRelu<T> create(Scope scope, Operand<T> features, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "LeakyRelu").addInput(features.asOutput());
        for (Options o : options) {
            if (o.alpha != null) {
                b.setAttr("alpha", (float) o.alpha);
            }
        }
        return new LeakyRelu<>(b.build());
    }

    public Output<T> activations() {
        return asOutput();
    }
}
