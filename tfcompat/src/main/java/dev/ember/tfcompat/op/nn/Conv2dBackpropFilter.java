package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import java.util.List;

/**
 * The gradient of {@code Conv2D} with respect to its filter; mirrors
 * {@code org.tensorflow.op.nn.Conv2dBackpropFilter} (TF op {@code Conv2DBackpropFilter}).
 */
public final class Conv2dBackpropFilter<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Conv2DBackpropFilter";

    public Conv2dBackpropFilter(Operation operation) {
        super(operation);
    }

    /** Optional attributes for {@link #create}. */
    public static class Options {
        private Boolean useCudnnOnGpu;
        private List<Long> explicitPaddings;
        private String dataFormat;
        private List<Long> dilations;

        private Options() {
        }

        public Options useCudnnOnGpu(Boolean useCudnnOnGpu) {
            this.useCudnnOnGpu = useCudnnOnGpu;
            return this;
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

    public static Options useCudnnOnGpu(Boolean useCudnnOnGpu) {
        return new Options().useCudnnOnGpu(useCudnnOnGpu);
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

    public static <T extends TNumber> Conv2dBackpropFilter<T> create(Scope scope, Operand<T> input,
            Operand<TInt32> filterSizes, Operand<T> outBackprop, List<Long> strides, String padding,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Conv2dBackpropFilter")
                .addInput(input.asOutput())
                .addInput(filterSizes.asOutput())
                .addInput(outBackprop.asOutput());
        b.setAttr("strides", longs(strides));
        b.setAttr("padding", padding);
        for (Options o : options) {
            if (o.useCudnnOnGpu != null) {
                b.setAttr("use_cudnn_on_gpu", (boolean) o.useCudnnOnGpu);
            }
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
        return new Conv2dBackpropFilter<>(b.build());
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
