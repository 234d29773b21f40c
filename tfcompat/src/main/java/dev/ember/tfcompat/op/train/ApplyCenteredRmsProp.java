package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Centered RMSProp: as RMSProp with the mean gradient {@code mg} subtracted: {@code mom = mom * momentum + lr g
 * / sqrt(ms - mg^2 + epsilon)}; updates the variable {@code var} (and its slots) in place and returns it.
 * Mirrors {@code org.tensorflow.op.train.ApplyCenteredRmsProp} (TF op {@code ApplyCenteredRMSProp}).
 */
public final class ApplyCenteredRmsProp<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyCenteredRMSProp";

    public ApplyCenteredRmsProp(Operation operation) {
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

    public static <T extends TType> ApplyCenteredRmsProp<T> create(Scope scope, Operand<T> var, Operand<T> mg,
            Operand<T> ms, Operand<T> mom, Operand<T> lr, Operand<T> rho, Operand<T> momentum, Operand<T> epsilon,
            Operand<T> grad,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyCenteredRmsProp")
                .addInput(var.asOutput())
                .addInput(mg.asOutput())
                .addInput(ms.asOutput())
                .addInput(mom.asOutput())
                .addInput(lr.asOutput())
                .addInput(rho.asOutput())
                .addInput(momentum.asOutput())
                .addInput(epsilon.asOutput())
                .addInput(grad.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
        }
        return new ApplyCenteredRmsProp<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
