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
 * Max pooling, window and strides given as int32 tensors; mirrors {@code org.tensorflow.op.nn.MaxPool}
 * (TF op {@code MaxPoolV2}).
 */
public final class MaxPool<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "MaxPoolV2";

    public MaxPool(Operation operation) {
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

    public static <T extends TNumber> MaxPool<T> create(Scope scope, Operand<T> input, Operand<TInt32> ksize,
            Operand<TInt32> strides, String padding, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "MaxPool")
                .addInput(input.asOutput())
                .addInput(ksize.asOutput())
                .addInput(strides.asOutput());
        b.setAttr("padding", padding);
        for (Options o : options) {
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
        }
        return new MaxPool<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
