package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * Running products along {@code axis} (optionally exclusive and/or reversed);
 * mirrors {@code org.tensorflow.op.math.Cumprod} (op type {@code Cumprod}).
 */
public final class Cumprod<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Cumprod";

    public Cumprod(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Boolean exclusive;
        private Boolean reverse;

        private Options() {
        }

        public Options exclusive(Boolean exclusive) {
            this.exclusive = exclusive;
            return this;
        }

        public Options reverse(Boolean reverse) {
            this.reverse = reverse;
            return this;
        }
    }

    /** Sets attribute {@code exclusive}. */
    public static Options exclusive(Boolean exclusive) {
        return new Options().exclusive(exclusive);
    }

    /** Sets attribute {@code reverse}. */
    public static Options reverse(Boolean reverse) {
        return new Options().reverse(reverse);
    }

    /** Adds a {@code Cumprod} node. */
    public static <T extends TType> Cumprod<T> create(Scope scope, Operand<T> x, Operand<? extends TNumber> axis,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Cumprod");
        b.addInput(x.asOutput());
        b.addInput(axis.asOutput());
        for (Options o : options) {
            if (o.exclusive != null) {
                b.setAttr("exclusive", (boolean) o.exclusive);
            }
            if (o.reverse != null) {
                b.setAttr("reverse", (boolean) o.reverse);
            }
        }
        return new Cumprod<>(b.build());
    }

    public Output<T> out() {
        return asOutput();
    }
}
