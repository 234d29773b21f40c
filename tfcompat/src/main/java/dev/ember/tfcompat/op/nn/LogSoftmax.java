package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * Log-softmax along the last dimension; mirrors {@code org.tensorflow.op.nn.LogSoftmax} (TF op
 * {@code LogSoftmax}).
 */
public final class LogSoftmax<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "LogSoftmax";

    public LogSoftmax(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> LogSoftmax<T> create(Scope scope, Operand<T> logits) {
        return new LogSoftmax<>(scope.opBuilder(OP_NAME, "LogSoftmax").addInput(logits.asOutput()).build());
    }

    public Output<T> logsoftmax() {
        return asOutput();
    }
}
