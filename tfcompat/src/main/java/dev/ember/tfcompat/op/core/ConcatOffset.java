package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Operands;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The offsets of concatenated inputs along {@code concatDim} (for concat gradients);
 * mirrors {@code org.tensorflow.op.core.ConcatOffset} (op type {@code ConcatOffset}).
 */
public final class ConcatOffset<T extends TNumber> extends RawOp implements Iterable<Operand<T>> {
    public static final String OP_NAME = "ConcatOffset";

    public ConcatOffset(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ConcatOffset} node. */
    public static <T extends TNumber> ConcatOffset<T> create(Scope scope, Operand<TInt32> concatDim,
            Iterable<Operand<T>> shape) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ConcatOffset");
        b.addInput(concatDim.asOutput());
        Output<?>[] shapeOutputs = Operands.asOutputs(shape);
        b.addInputList(shapeOutputs);
        b.setAttr("N", (long) shapeOutputs.length);
        return new ConcatOffset<>(b.build());
    }

    /** The outputs, in order. */
    public List<Output<T>> offset() {
        List<Output<T>> out = new ArrayList<>();
        for (int i = 0; i < op().numOutputs(); i++) {
            out.add(op().output(i));
        }
        return out;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Operand<T>> iterator() {
        return (Iterator) offset().iterator();
    }
}
