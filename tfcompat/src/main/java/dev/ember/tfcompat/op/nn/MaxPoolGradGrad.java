package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The gradient of {@code MaxPoolGrad} with respect to its output gradient: {@code grad} read at each
 * window's maximum; mirrors {@code org.tensorflow.op.nn.MaxPoolGradGrad} (TF op
 * {@code MaxPoolGradGradV2}).
 */
public final class MaxPoolGradGrad<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "MaxPoolGradGradV2";

    public MaxPoolGradGrad(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private String dataFormat;

        private Options() {
        }

        public Options dataFormat(String dataFormat) {
            this.dataFormat = dataFormat;
            return this;
        }
    }

    public static Options dataFormat(String dataFormat) {
        return new Options().dataFormat(dataFormat);
    }

    public static <T extends TNumber> MaxPoolGradGrad<T> create(Scope scope, Operand<T> origInput,
            Operand<T> origOutput, Operand<T> grad, Operand<TInt32> ksize, Operand<TInt32> strides, String padding,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "MaxPoolGradGrad")
                .addInput(origInput.asOutput())
                .addInput(origOutput.asOutput())
                .addInput(grad.asOutput())
                .addInput(ksize.asOutput())
                .addInput(strides.asOutput());
        b.setAttr("padding", padding);
        for (Options o : options) {
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
        }
        return new MaxPoolGradGrad<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
