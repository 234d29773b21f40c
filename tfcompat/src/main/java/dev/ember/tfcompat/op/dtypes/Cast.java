package dev.ember.tfcompat.op.dtypes;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Converts to another element type; mirrors {@code org.tensorflow.op.dtypes.Cast}. */
public final class Cast<U extends TType> extends RawOperand<U> {
    public static final String OP_NAME = "Cast";

    public Cast(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Boolean truncate;

        private Options() {
        }

        public Options Truncate(Boolean truncate) {
            this.truncate = truncate;
            return this;
        }
    }

    public static Options Truncate(Boolean truncate) {
        return new Options().Truncate(truncate);
    }

    public static <U extends TType> Cast<U> create(Scope scope, Operand<? extends TType> x, Class<U> dstT,
            Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Cast").addInput(x.asOutput())
                .setAttr("DstT", TypeInfo.of(dstT).dataType());
        for (Options o : options) {
            if (o.truncate != null) {
                b.setAttr("Truncate", o.truncate);
            }
        }
        return new Cast<>(b.build());
    }

    public Output<U> y() {
        return asOutput();
    }
}
