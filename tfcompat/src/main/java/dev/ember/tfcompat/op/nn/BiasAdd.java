package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Adds a bias vector along the channel dimension; mirrors {@code org.tensorflow.op.nn.BiasAdd} (TF op
 * {@code BiasAdd}).
 */
public final class BiasAdd<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "BiasAdd";

    public BiasAdd(Operation operation) {
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

    public static <T extends TType> BiasAdd<T> create(Scope scope, Operand<T> value, Operand<T> bias,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "BiasAdd").addInput(value.asOutput()).addInput(bias.asOutput());
        for (Options o : options) {
            if (o.dataFormat != null) {
                b.setAttr("data_format", o.dataFormat);
            }
        }
        return new BiasAdd<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
