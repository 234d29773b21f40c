package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TType;

/** {@code x == y} elementwise, broadcast; mirrors {@code org.tensorflow.op.math.Equal} (op type {@code Equal}). */
public final class Equal extends RawOperand<TBool> {
    public static final String OP_NAME = "Equal";

    public Equal(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Boolean incompatibleShapeError;

        private Options() {
        }

        public Options incompatibleShapeError(Boolean incompatibleShapeError) {
            this.incompatibleShapeError = incompatibleShapeError;
            return this;
        }
    }

    /** Sets attribute {@code incompatible_shape_error}. */
    public static Options incompatibleShapeError(Boolean incompatibleShapeError) {
        return new Options().incompatibleShapeError(incompatibleShapeError);
    }

    /** Adds a {@code Equal} node. */
    public static <T extends TType> Equal create(Scope scope, Operand<T> x, Operand<T> y, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Equal");
        b.addInput(x.asOutput());
        b.addInput(y.asOutput());
        for (Options o : options) {
            if (o.incompatibleShapeError != null) {
                b.setAttr("incompatible_shape_error", (boolean) o.incompatibleShapeError);
            }
        }
        return new Equal(b.build());
    }

    public Output<TBool> z() {
        return asOutput();
    }
}
