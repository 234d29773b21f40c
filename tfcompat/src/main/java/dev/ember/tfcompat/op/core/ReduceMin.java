package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/** Minimum over {@code axis}; mirrors {@code org.tensorflow.op.core.ReduceMin} (op type {@code Min}). */
public final class ReduceMin<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Min";

    public ReduceMin(Operation operation) {
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

    /** Adds a {@code Min} node. */
    public static <T extends TNumber> ReduceMin<T> create(Scope scope, Operand<T> input,
            Operand<? extends TNumber> axis, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ReduceMin");
        b.addInput(input.asOutput());
        b.addInput(axis.asOutput());
        for (Options o : options) {
            if (o.keepDims != null) {
                b.setAttr("keep_dims", (boolean) o.keepDims);
            }
        }
        return new ReduceMin<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
