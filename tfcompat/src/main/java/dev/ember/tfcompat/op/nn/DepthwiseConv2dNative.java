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
 * Depthwise 2-D convolution with a {@code [kh, kw, C, multiplier]} filter; mirrors
 * {@code org.tensorflow.op.nn.DepthwiseConv2dNative} (TF op {@code DepthwiseConv2dNative}).
 */
public final class DepthwiseConv2dNative<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "DepthwiseConv2dNative";

    public DepthwiseConv2dNative(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private List<Long> explicitPaddings;
        private String dataFormat;
        private List<Long> dilations;

        private Options() {
        }

        public Options explicitPaddings(List<Long> explicitPaddings) {
            this.explicitPaddings = explicitPaddings;
            return this;
        }

        public Options explicitPaddings(Long... explicitPaddings) {
            this.explicitPaddings = List.of(explicitPaddings);
            return this;
        }

        public Options dataFormat(String dataFormat) {
            this.dataFormat = dataFormat;
            return this;
        }

        public Options dilations(List<Long> dilations) {
            this.dilations = dilations;
            return this;
        }

        public Options dilations(Long... dilations) {
            this.dilations = List.of(dilations);
            return this;
        }
    }

    public static Options explicitPaddings(List<Long> explicitPaddings) {
        return new Options().explicitPaddings(explicitPaddings);
    }

    public static Options explicitPaddings(Long... explicitPaddings) {
        return new Options().explicitPaddings(explicitPaddings);
    }

    public static Options dataFormat(String dataFormat) {
        return new Options().dataFormat(dataFormat);
    }

    public static Options dilations(List<Long> dilations) {
        return new Options().dilations(dilations);
    }

    public static Options dilations(Long... dilations) {
        return new Options().dilations(dilations);
    }

    public static <T extends TNumber> DepthwiseConv2dNative<T> create(Scope scope, Operand<T> input,
            Operand<T> filter, List<Long> strides, String padding, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "DepthwiseConv2dNative")
                .addInput(input.asOutput())
                .addInput(filter.asOutput());
        b.setAttr("strides", longs(strides));
        b.setAttr("padding", padding);
        for (Options o : options) {
            if (o.explicitPaddings != null) {
                b.setAttr("explicit_paddings", longs(o.explicitPaddings));
            }
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
            if (o.dilations != null) {
                b.setAttr("dilations", longs(o.dilations));
            }
        }
        return new DepthwiseConv2dNative<>(b.build());
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
