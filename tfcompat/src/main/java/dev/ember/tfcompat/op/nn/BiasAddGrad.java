package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * The gradient of {@code BiasAdd} with respect to the bias: a sum over all but the channel dimension;
 * mirrors {@code org.tensorflow.op.nn.BiasAddGrad} (TF op {@code BiasAddGrad}).
 */
public final class BiasAddGrad<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "BiasAddGrad";

    public BiasAddGrad(Operation operation) {
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

    public static <T extends TType> BiasAddGrad<T> create(Scope scope, Operand<T> outBackprop, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "BiasAddGrad").addInput(outBackprop.asOutput());
        for (Options o : options) {
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
        }
        return new BiasAddGrad<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
