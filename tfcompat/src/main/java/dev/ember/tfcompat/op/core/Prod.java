package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/** Product over {@code axis}; mirrors {@code org.tensorflow.op.core.Prod} (op type {@code Prod}). */
public final class Prod<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Prod";

    public Prod(Operation operation) {
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

    /** Adds a {@code Prod} node. */
    public static <T extends TType> Prod<T> create(Scope scope, Operand<T> input, Operand<? extends TNumber> axis,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Prod");
        b.addInput(input.asOutput());
        b.addInput(axis.asOutput());
        for (Options o : options) {
            if (o.keepDims != null) {
                b.setAttr("keep_dims", (boolean) o.keepDims);
            }
        }
        return new Prod<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
