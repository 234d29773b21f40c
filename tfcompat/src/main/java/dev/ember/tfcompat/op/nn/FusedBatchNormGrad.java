package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code FusedBatchNormV3}; mirrors {@code org.tensorflow.op.nn.FusedBatchNormGrad}
 * (TF op {@code FusedBatchNormGradV3}).
 */
public final class FusedBatchNormGrad<T extends TNumber, U extends TNumber> extends RawOp {
    public static final String OP_NAME = "FusedBatchNormGradV3";

    public FusedBatchNormGrad(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private Float epsilon;
        private String dataFormat;
        private Boolean isTraining;

        private Options() {
        }

        public Options epsilon(Float epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        public Options dataFormat(String dataFormat) {
            this.dataFormat = dataFormat;
            return this;
        }

        public Options isTraining(Boolean isTraining) {
            this.isTraining = isTraining;
            return this;
        }
    }

    public static Options epsilon(Float epsilon) {
        return new Options().epsilon(epsilon);
    }

    public static Options dataFormat(String dataFormat) {
        return new Options().dataFormat(dataFormat);
    }

    public static Options isTraining(Boolean isTraining) {
        return new Options().isTraining(isTraining);
    }

    public static <T extends TNumber, U extends TNumber> FusedBatchNormGrad<T, U> create(Scope scope,
            Operand<T> yBackprop, Operand<T> x, Operand<TFloat32> scale, Operand<U> reserveSpace1,
            Operand<U> reserveSpace2, Operand<U> reserveSpace3, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "FusedBatchNormGrad")
                .addInput(yBackprop.asOutput())
                .addInput(x.asOutput())
                .addInput(scale.asOutput())
                .addInput(reserveSpace1.asOutput())
                .addInput(reserveSpace2.asOutput())
                .addInput(reserveSpace3.asOutput());
        for (Options o : options) {
            if (o.epsilon != null) {
                b.setAttr("epsilon", (float) o.epsilon);
            }
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
            if (o.isTraining != null) {
                b.setAttr("is_training", (boolean) o.isTraining);
            }
        }
        return new FusedBatchNormGrad<>(b.build());
    }

    public Output<T> xBackprop() {
        return op().output(0);
    }

    public Output<U> scaleBackprop() {
        return op().output(1);
    }

    public Output<U> offsetBackprop() {
        return op().output(2);
    }

    public Output<U> reserveSpace4() {
        return op().output(3);
    }

    public Output<U> reserveSpace5() {
        return op().output(4);
    }
}
