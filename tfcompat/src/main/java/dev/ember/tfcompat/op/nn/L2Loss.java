package dev.ember.tfcompat.op.nn;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * {@code sum(t ** 2) / 2}; mirrors {@code org.tensorflow.op.nn.L2Loss} (TF op {@code L2Loss}).
 */
public final class L2Loss<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "L2Loss";

    public L2Loss(Operation operation) {
        super(operation);
    }

    public static <T extends TNumber> L2Loss<T> create(Scope scope, Operand<T> t) {
        return new L2Loss<>(scope.opBuilder(OP_NAME, "L2Loss").addInput(t.asOutput()).build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
