package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * One-hot encoding of {@code indices} ({@code onValue} at the index, {@code offValue} elsewhere);
 * mirrors {@code org.tensorflow.op.core.OneHot} (op type {@code OneHot}).
 */
public final class OneHot<U extends TType> extends RawOperand<U> {
    public static final String OP_NAME = "OneHot";

    public OneHot(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Long axis;

        private Options() {
        }

        public Options axis(Long axis) {
            this.axis = axis;
            return this;
        }
    }

    /** Sets attribute {@code axis}. */
    public static Options axis(Long axis) {
        return new Options().axis(axis);
    }

    /** Adds a {@code OneHot} node. */
    public static <U extends TType> OneHot<U> create(Scope scope, Operand<? extends TNumber> indices,
            Operand<TInt32> depth, Operand<U> onValue, Operand<U> offValue, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "OneHot");
        b.addInput(indices.asOutput());
        b.addInput(depth.asOutput());
        b.addInput(onValue.asOutput());
        b.addInput(offValue.asOutput());
        for (Options o : options) {
            if (o.axis != null) {
                b.setAttr("axis", (long) o.axis);
            }
        }
        return new OneHot<>(b.build());
    }

    public Output<U> output() {
        return asOutput();
    }
}
