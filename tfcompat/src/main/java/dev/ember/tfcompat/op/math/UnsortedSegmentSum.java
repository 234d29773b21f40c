package dev.ember.tfcompat.op.math;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * Sums of the rows of {@code data} per segment id (negative ids dropped);
 * mirrors {@code org.tensorflow.op.math.UnsortedSegmentSum} (op type {@code UnsortedSegmentSum}).
 */
public final class UnsortedSegmentSum<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "UnsortedSegmentSum";

    public UnsortedSegmentSum(Operation operation) {
        super(operation);
    }

    /** Adds a {@code UnsortedSegmentSum} node. */
    public static <T extends TType> UnsortedSegmentSum<T> create(Scope scope, Operand<T> data,
            Operand<? extends TNumber> segmentIds, Operand<? extends TNumber> numSegments) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "UnsortedSegmentSum");
        b.addInput(data.asOutput());
        b.addInput(segmentIds.asOutput());
        b.addInput(numSegments.asOutput());
        return new UnsortedSegmentSum<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
