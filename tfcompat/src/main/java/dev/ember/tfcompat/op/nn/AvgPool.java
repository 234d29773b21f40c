package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import java.util.List;

/**
 * Average pooling over the real (unpadded) cells of each window; mirrors
 * {@code org.tensorflow.op.nn.AvgPool} (TF op {@code AvgPool}).
 */
public final class AvgPool<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "AvgPool";

    public AvgPool(Operation operation) {
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

    public static <T extends TNumber> AvgPool<T> create(Scope scope, Operand<T> value, List<Long> ksize,
            List<Long> strides, String padding, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "AvgPool").addInput(value.asOutput());
        b.setAttr("ksize", longs(ksize));
        b.setAttr("strides", longs(strides));
        b.setAttr("padding", padding);
        for (Options o : options) {
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
        }
        return new AvgPool<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }

    private static long[] longs(List<Long> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
