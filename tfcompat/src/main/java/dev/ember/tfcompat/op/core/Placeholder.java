package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;
import org.tensorflow.ndarray.Shape;

/** A value fed at run time; mirrors {@code org.tensorflow.op.core.Placeholder}. */
public final class Placeholder<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Placeholder";

    public Placeholder(Operation operation) {
        super(operation);
    }

    /** Options for {@link #create}. */
    public static class Options {
        private Shape shape;

        private Options() {
        }

        /** The fed value's shape (dimensions may be -1); feeds of another shape are refused. */
        public Options shape(Shape shape) {
            this.shape = shape;
            return this;
        }
    }

    /** {@code Placeholder.shape(Shape.of(-1, 784))}. */
    public static Options shape(Shape shape) {
        return new Options().shape(shape);
    }

    public static <T extends TType> Placeholder<T> create(Scope scope, Class<T> dtype, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Placeholder");
        b.setAttr("dtype", TypeInfo.of(dtype).dataType());
        for (Options o : options) {
            if (o.shape != null) {
                b.setAttr("shape", o.shape);
            }
        }
        return new Placeholder<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
