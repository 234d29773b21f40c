package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** {@code x + y} with broadcasting; mirrors {@code org.tensorflow.op.math.Add} (op type {@code Add}). */
public final class Add<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Add";

    public Add(Operation operation) {
        super(operation);
    }

    public static <T extends TType> Add<T> create(Scope scope, Operand<T> x, Operand<T> y) {
        return new Add<>(scope.opBuilder(OP_NAME, "Add").addInput(x.asOutput()).addInput(y.asOutput()).build());
    }

    public Output<T> z() {
        return asOutput();
    }
}
