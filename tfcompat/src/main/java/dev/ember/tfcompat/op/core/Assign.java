package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Sets a variable to a value; returns the new value. Mirrors {@code org.tensorflow.op.core.Assign}. */
public final class Assign<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Assign";

    public Assign(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Boolean useLocking;
        private Boolean validateShape;

        private Options() {
        }

        public Options useLocking(Boolean useLocking) {
            this.useLocking = useLocking;
            return this;
        }

        public Options validateShape(Boolean validateShape) {
            this.validateShape = validateShape;
            return this;
        }
    }

    public static Options useLocking(Boolean useLocking) {
        return new Options().useLocking(useLocking);
    }

    public static Options validateShape(Boolean validateShape) {
        return new Options().validateShape(validateShape);
    }

    public static <T extends TType> Assign<T> create(Scope scope, Operand<T> ref, Operand<T> value, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Assign");
        b.addInput(ref.asOutput()).addInput(value.asOutput());
        for (Options o : options) {
            if (o.useLocking != null) {
                b.setAttr("use_locking", o.useLocking);
            }
            if (o.validateShape != null) {
                b.setAttr("validate_shape", o.validateShape);
            }
        }
        return new Assign<>(b.build());
    }

    /** The variable reference after the update. */
    public Output<T> outputRef() {
        return asOutput();
    }
}
