package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code value} split along {@code axis} into parts of {@code sizeSplits} (one may be -1);
 * mirrors {@code org.tensorflow.op.core.SplitV} (op type {@code SplitV}).
 */
public final class SplitV<T extends TType> extends RawOp implements Iterable<Operand<T>> {
    public static final String OP_NAME = "SplitV";

    public SplitV(Operation operation) {
        super(operation);
    }

    /** Adds a {@code SplitV} node. */
    public static <T extends TType> SplitV<T> create(Scope scope, Operand<T> value,
            Operand<? extends TNumber> sizeSplits, Operand<TInt32> axis, Long numSplit) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "SplitV");
        b.addInput(value.asOutput());
        b.addInput(sizeSplits.asOutput());
        b.addInput(axis.asOutput());
        b.setAttr("num_split", (long) numSplit);
        return new SplitV<>(b.build());
    }

    /** The outputs, in order. */
    public List<Output<T>> output() {
        List<Output<T>> out = new ArrayList<>();
        for (int i = 0; i < op().numOutputs(); i++) {
            out.add(op().output(i));
        }
        return out;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Operand<T>> iterator() {
        return (Iterator) output().iterator();
    }
}
