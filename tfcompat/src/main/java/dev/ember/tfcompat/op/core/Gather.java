package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * Slices of {@code params} along {@code axis} picked by {@code indices};
 * mirrors {@code org.tensorflow.op.core.Gather} (op type {@code GatherV2}).
 */
public final class Gather<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "GatherV2";

    public Gather(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Long batchDims;

        private Options() {
        }

        public Options batchDims(Long batchDims) {
            this.batchDims = batchDims;
            return this;
        }
    }

    /** Sets attribute {@code batch_dims}. */
    public static Options batchDims(Long batchDims) {
        return new Options().batchDims(batchDims);
    }

    /** Adds a {@code GatherV2} node. */
    public static <T extends TType> Gather<T> create(Scope scope, Operand<T> params,
            Operand<? extends TNumber> indices, Operand<? extends TNumber> axis, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Gather");
        b.addInput(params.asOutput());
        b.addInput(indices.asOutput());
        b.addInput(axis.asOutput());
        for (Options o : options) {
            if (o.batchDims != null) {
                b.setAttr("batch_dims", (long) o.batchDims);
            }
        }
        return new Gather<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
