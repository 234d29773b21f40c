package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.family.TType;

/**
 * {@code condition ? t : e} elementwise, all three broadcast;
 * mirrors {@code org.tensorflow.op.core.Select} (op type {@code SelectV2}).
 */
public final class Select<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "SelectV2";

    public Select(Operation operation) {
        super(operation);
    }

    /** Adds a {@code SelectV2} node. */
    public static <T extends TType> Select<T> create(Scope scope, Operand<TBool> condition, Operand<T> t,
            Operand<T> e) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Select");
        b.addInput(condition.asOutput());
        b.addInput(t.asOutput());
        b.addInput(e.asOutput());
        return new Select<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
