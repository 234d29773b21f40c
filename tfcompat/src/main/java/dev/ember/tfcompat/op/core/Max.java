package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Maximum over {@code axis}; mirrors {@code org.tensorflow.op.core.Max} (op type {@code Max}). */
public final class Max<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Max";

    public Max(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Boolean keepDims;

        private Options() {
        }

        public Options keepDims(Boolean keepDims) {
            this.keepDims = keepDims;
            return this;
        }
    }

    /** Sets attribute {@code keep_dims}. */
    public static Options keepDims(Boolean keepDims) {
        return new Options().keepDims(keepDims);
    }

    /** Adds a {@code Max} node. */
    public static <T extends TNumber> Max<T> create(Scope scope, Operand<T> input, Operand<? extends TNumber> axis,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Max");
        b.addInput(input.asOutput());
        b.addInput(axis.asOutput());
        for (Options o : options) {
            if (o.keepDims != null) {
                b.setAttr("keep_dims", (boolean) o.keepDims);
            }
        }
        return new Max<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
