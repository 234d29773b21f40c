package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.types.family.TType;

/** Base of single-output op classes: the op and its output 0 as an operand. */
public abstract class RawOperand<T extends TType> extends RawOp implements Operand<T> {
    protected RawOperand(Operation operation) {
        super(operation);
    }

    @Override
    public Output<T> asOutput() {
        return op().output(0);
    }

    @Override
    public Operation op() {
        return super.op();
    }
}
