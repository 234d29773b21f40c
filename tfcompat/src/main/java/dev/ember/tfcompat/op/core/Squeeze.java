package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code input} without its size-1 dimensions (or only those in {@code axis});
 * mirrors {@code org.tensorflow.op.core.Squeeze} (op type {@code Squeeze}).
 */
public final class Squeeze<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Squeeze";

    public Squeeze(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private List<Long> axis;

        private Options() {
        }

        public Options axis(List<Long> axis) {
            this.axis = axis;
            return this;
        }

        public Options axis(Long... axis) {
            this.axis = Arrays.asList(axis);
            return this;
        }
    }

    /** Sets attribute {@code squeeze_dims}. */
    public static Options axis(List<Long> axis) {
        return new Options().axis(axis);
    }

    /** Sets attribute {@code squeeze_dims}. */
    public static Options axis(Long... axis) {
        return new Options().axis(axis);
    }

    /** Adds a {@code Squeeze} node. */
    public static <T extends TType> Squeeze<T> create(Scope scope, Operand<T> input, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Squeeze");
        b.addInput(input.asOutput());
        for (Options o : options) {
            if (o.axis != null) {
                b.setAttr("squeeze_dims", o.axis.stream().mapToLong(Long::longValue).toArray());
            }
        }
        return new Squeeze<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
