package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TType;

/** The rank of {@code input} as an int32 scalar; mirrors {@code org.tensorflow.op.core.Rank} (op type {@code Rank}). */
public final class Rank extends RawOperand<TInt32> {
    public static final String OP_NAME = "Rank";

    public Rank(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Rank} node. */
    public static Rank create(Scope scope, Operand<? extends TType> input) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Rank");
        b.addInput(input.asOutput());
        return new Rank(b.build());
    }

    public Output<TInt32> output() {
        return asOutput();
    }
}
