package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TNumber;

/** Logical OR over {@code axis}; mirrors {@code org.tensorflow.op.core.ReduceAny} (op type {@code Any}). */
public final class ReduceAny extends RawOperand<TBool> {
    public static final String OP_NAME = "Any";

    public ReduceAny(Operation operation) {
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

    /** Adds a {@code Any} node. */
    public static ReduceAny create(Scope scope, Operand<TBool> input, Operand<? extends TNumber> axis,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ReduceAny");
        b.addInput(input.asOutput());
        b.addInput(axis.asOutput());
        for (Options o : options) {
            if (o.keepDims != null) {
                b.setAttr("keep_dims", (boolean) o.keepDims);
            }
        }
        return new ReduceAny(b.build());
    }

    public Output<TBool> output() {
        return asOutput();
    }
}
