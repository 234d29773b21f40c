package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Adam: {@code m += (g - m)(1 - beta1); v += (g^2 - v)(1 - beta2); var -= lr sqrt(1 - beta2_power) / (1 -
 * beta1_power) m / (sqrt(v) + epsilon)}; updates the variable {@code var} (and its slots) in place and returns
 * it. Mirrors {@code org.tensorflow.op.train.ApplyAdam} (TF op {@code ApplyAdam}).
 */
public final class ApplyAdam<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyAdam";

    public ApplyAdam(Operation operation) {
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

    public static <T extends TType> ApplyAdam<T> create(Scope scope, Operand<T> var, Operand<T> m, Operand<T> v,
            Operand<T> beta1Power, Operand<T> beta2Power, Operand<T> lr, Operand<T> beta1, Operand<T> beta2,
            Operand<T> epsilon, Operand<T> grad,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyAdam")
                .addInput(var.asOutput())
                .addInput(m.asOutput())
                .addInput(v.asOutput())
                .addInput(beta1Power.asOutput())
                .addInput(beta2Power.asOutput())
                .addInput(lr.asOutput())
                .addInput(beta1.asOutput())
                .addInput(beta2.asOutput())
                .addInput(epsilon.asOutput())
                .addInput(grad.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
            if (o.useNesterov != null) {
                b.setAttr("use_nesterov", o.useNesterov);
            }
        }
        return new ApplyAdam<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
