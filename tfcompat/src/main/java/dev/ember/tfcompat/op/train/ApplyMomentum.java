package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code accum = accum * momentum + grad; var -= lr * accum} (Nesterov: {@code var -= grad * lr + accum *
 * momentum * lr}); updates the variable {@code var} (and its slots) in place and returns it. Mirrors {@code
 * org.tensorflow.op.train.ApplyMomentum} (TF op {@code ApplyMomentum}).
 */
public final class ApplyMomentum<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyMomentum";

    public ApplyMomentum(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Boolean useLocking;
        private Boolean useNesterov;

        private Options() {
        }

        public Options useLocking(Boolean useLocking) {
            this.useLocking = useLocking;
            return this;
        }

        public Options useNesterov(Boolean useNesterov) {
            this.useNesterov = useNesterov;
            return this;
        }
    }

    public static Options useLocking(Boolean useLocking) {
        return new Options().useLocking(useLocking);
    }

    public static Options useNesterov(Boolean useNesterov) {
        return new Options().useNesterov(useNesterov);
    }

    public static <T extends TType> ApplyMomentum<T> create(Scope scope, Operand<T> var, Operand<T> accum,
            Operand<T> lr, Operand<T> grad, Operand<T> momentum,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyMomentum")
                .addInput(var.asOutput())
                .addInput(accum.asOutput())
                .addInput(lr.asOutput())
                .addInput(grad.asOutput())
                .addInput(momentum.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
            if (o.useNesterov != null) {
                b.setAttr("use_nesterov", o.useNesterov);
            }
        }
        return new ApplyMomentum<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
