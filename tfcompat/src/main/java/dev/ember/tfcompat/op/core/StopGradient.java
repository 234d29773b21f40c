package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TType;

/** Its input, with no gradient flowing back; mirrors {@code org.tensorflow.op.core.StopGradient}. */
public final class StopGradient<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "StopGradient";

    public StopGradient(Operation operation) {
        super(operation);
    }

    public static <T extends TType> StopGradient<T> create(Scope scope, Operand<T> input) {
        return new StopGradient<>(scope.opBuilder(OP_NAME, "StopGradient").addInput(input.asOutput()).build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
