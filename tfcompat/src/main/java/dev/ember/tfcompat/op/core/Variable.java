package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;

/** A TF1 variable ({@code VariableV2}): state that persists across runs; mirrors {@code org.tensorflow.op.core.Variable}. */
public final class Variable<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "VariableV2";

    public Variable(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private String container;
        private String sharedName;

        private Options() {
        }

        public Options container(String container) {
            this.container = container;
            return this;
        }

        public Options sharedName(String sharedName) {
            this.sharedName = sharedName;
            return this;
        }
    }

    public static Options container(String container) {
        return new Options().container(container);
    }

    public static Options sharedName(String sharedName) {
        return new Options().sharedName(sharedName);
    }

    public static <T extends TType> Variable<T> create(Scope scope, Shape shape, Class<T> dtype, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Variable");
        b.setAttr("shape", shape).setAttr("dtype", TypeInfo.of(dtype).dataType());
        for (Options o : options) {
            if (o.container != null) {
                b.setAttr("container", o.container);
            }
            if (o.sharedName != null) {
                b.setAttr("shared_name", o.sharedName);
            }
        }
        return new Variable<>(b.build());
    }

    /** The reference output; mirrors {@code Variable.ref()}. */
    public Output<T> ref() {
        return asOutput();
    }
}
