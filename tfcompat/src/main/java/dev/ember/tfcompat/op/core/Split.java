package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code value} split into {@code numSplit} equal parts along {@code axis};
 * mirrors {@code org.tensorflow.op.core.Split} (op type {@code Split}).
 */
public final class Split<T extends TType> extends RawOp implements Iterable<Operand<T>> {
    public static final String OP_NAME = "Split";

    public Split(Operation operation) {
        super(operation);
    }

    /** Adds a {@code Split} node. */
    public static <T extends TType> Split<T> create(Scope scope, Operand<TInt32> axis, Operand<T> value,
            Long numSplit) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Split");
        b.addInput(axis.asOutput());
        b.addInput(value.asOutput());
        b.setAttr("num_split", (long) numSplit);
        return new Split<>(b.build());
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
