package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code var -= alpha * delta}; mirrors {@code org.tensorflow.op.train.ApplyGradientDescent}. */
public final class ApplyGradientDescent<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyGradientDescent";

    public ApplyGradientDescent(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Boolean useLocking;

        private Options() {
        }

        public Options useLocking(Boolean useLocking) {
            this.useLocking = useLocking;
            return this;
        }
    }

    public static Options useLocking(Boolean useLocking) {
        return new Options().useLocking(useLocking);
    }

    public static <T extends TType> ApplyGradientDescent<T> create(Scope scope, Operand<T> var, Operand<T> alpha,
            Operand<T> delta, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyGradientDescent").addInput(var.asOutput())
                .addInput(alpha.asOutput()).addInput(delta.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
        }
        return new ApplyGradientDescent<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
