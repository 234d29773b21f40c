package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * RMSProp: {@code ms += (g^2 - ms)(1 - rho); mom = mom * momentum + lr g / sqrt(ms + epsilon); var -= mom};
 * updates the variable {@code var} (and its slots) in place and returns it. Mirrors {@code
 * org.tensorflow.op.train.ApplyRmsProp} (TF op {@code ApplyRMSProp}).
 */
public final class ApplyRmsProp<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyRMSProp";

    public ApplyRmsProp(Operation operation) {
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

    public static <T extends TType> ApplyRmsProp<T> create(Scope scope, Operand<T> var, Operand<T> ms, Operand<T> mom,
            Operand<T> lr, Operand<T> rho, Operand<T> momentum, Operand<T> epsilon, Operand<T> grad,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyRmsProp")
                .addInput(var.asOutput())
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
        return new ApplyRmsProp<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
