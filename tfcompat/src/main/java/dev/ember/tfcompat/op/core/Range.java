package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;

/**
 * The sequence {@code start, start + delta, ...} up to (not including) {@code limit};
 * mirrors {@code org.tensorflow.op.core.Range} (op type {@code Range}).
 */
public final class Range<T extends TNumber> extends RawOperand<T> {
    public static final String OP_NAME = "Range";

    public Range(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Range} node. */
    public static <T extends TNumber> Range<T> create(Scope scope, Operand<T> start, Operand<T> limit,
            Operand<T> delta) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Range");
        b.addInput(start.asOutput());
        b.addInput(limit.asOutput());
        b.addInput(delta.asOutput());
        return new Range<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
