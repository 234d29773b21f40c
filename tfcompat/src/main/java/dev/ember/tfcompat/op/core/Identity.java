package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Its input, unchanged (reads a variable's value); mirrors {@code org.tensorflow.op.core.Identity}. */
public final class Identity<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "Identity";

    public Identity(Operation operation) {
        super(operation);
    }

    public static <T extends TType> Identity<T> create(Scope scope, Operand<T> input) {
        return new Identity<>(scope.opBuilder(OP_NAME, "Identity").addInput(input.asOutput()).build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
