package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Operands;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/**
 * Equal-shaped values joined along a new dimension {@code axis};
 * mirrors {@code org.tensorflow.op.core.Stack} (op type {@code Pack}).
 */
public final class Stack<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Pack";

    public Stack(Operation operation) {
        super(operation);
    }

    /** Optional attributes of {@link #create}. */
    public static class Options {
        private Long axis;

        private Options() {
        }

        public Options axis(Long axis) {
            this.axis = axis;
            return this;
        }
    }

    /** Sets attribute {@code axis}. */
    public static Options axis(Long axis) {
        return new Options().axis(axis);
    }

    /** Adds a {@code Pack} node. */
    public static <T extends TType> Stack<T> create(Scope scope, Iterable<Operand<T>> values, Options... options) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Stack");
        Output<?>[] valuesOutputs = Operands.asOutputs(values);
        b.addInputList(valuesOutputs);
        b.setAttr("N", (long) valuesOutputs.length);
        for (Options o : options) {
            if (o.axis != null) {
                b.setAttr("axis", (long) o.axis);
            }
        }
        return new Stack<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
