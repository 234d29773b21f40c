package dev.ember.tfcompat.op.train;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Adagrad with epsilon: {@code accum += g^2} (when update_slots); {@code var -= lr g / (sqrt(accum) +
 * epsilon)}; updates the variable {@code var} (and its slots) in place and returns it. Mirrors {@code
 * org.tensorflow.op.train.ApplyAdagradV2} (TF op {@code ApplyAdagradV2}).
 */
public final class ApplyAdagradV2<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ApplyAdagradV2";

    public ApplyAdagradV2(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Boolean useLocking;
        private Boolean updateSlots;

        private Options() {
        }

        public Options useLocking(Boolean useLocking) {
            this.useLocking = useLocking;
            return this;
        }

        public Options updateSlots(Boolean updateSlots) {
            this.updateSlots = updateSlots;
            return this;
        }
    }

    public static Options useLocking(Boolean useLocking) {
        return new Options().useLocking(useLocking);
    }

    public static Options updateSlots(Boolean updateSlots) {
        return new Options().updateSlots(updateSlots);
    }

    public static <T extends TType> ApplyAdagradV2<T> create(Scope scope, Operand<T> var, Operand<T> accum,
            Operand<T> lr, Operand<T> epsilon, Operand<T> grad,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ApplyAdagradV2")
                .addInput(var.asOutput())
                .addInput(accum.asOutput())
                .addInput(lr.asOutput())
                .addInput(epsilon.asOutput())
                .addInput(grad.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
            if (o.updateSlots != null) {
                b.setAttr("update_slots", o.updateSlots);
            }
        }
        return new ApplyAdagradV2<>(b.build());
    }

    /** The variable after the update. */
    public Output<T> out() {
        return asOutput();
    }
}
