package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Adadelta: {@code accum = rho accum + (1 - rho) g^2; update = sqrt(accum_update + eps) / sqrt(accum + eps) g;
 * var -= lr update; accum_update = rho accum_update + (1 - rho) update^2}; updates the variable {@code var}
 * (and its slots) in place and returns it. Mirrors {@code org.tensorflow.op.train.ApplyAdadelta} (TF op {@code
 * ApplyAdadelta}).
 */
public final class ApplyAdadelta<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyAdadelta";

    public ApplyAdadelta(Operation operation) {
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

    public static <T extends TType> ApplyAdadelta<T> create(Scope scope, Operand<T> var, Operand<T> accum,
            Operand<T> accumUpdate, Operand<T> lr, Operand<T> rho, Operand<T> epsilon, Operand<T> grad,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyAdadelta")
                .addInput(var.asOutput())
                .addInput(accum.asOutput())
                .addInput(accumUpdate.asOutput())
                .addInput(lr.asOutput())
                .addInput(rho.asOutput())
                .addInput(epsilon.asOutput())
                .addInput(grad.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
        }
        return new ApplyAdadelta<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
