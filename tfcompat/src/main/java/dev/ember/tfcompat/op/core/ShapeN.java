package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Operands;
import dev.ember.tfcompat.op.RawOp;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The shapes of several tensors; mirrors {@code org.tensorflow.op.core.ShapeN} (op type {@code ShapeN}). */
public final class ShapeN<U extends TNumber> extends RawOp implements Iterable<Operand<U>> {
    public static final String OP_NAME = "ShapeN";

    public ShapeN(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ShapeN} node. */
    public static <U extends TNumber> ShapeN<U> create(Scope scope, Iterable<Operand<? extends TType>> input,
            Class<U> outType) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "ShapeN");
        Output<?>[] inputOutputs = Operands.asOutputs(input);
        b.addInputList(inputOutputs);
        b.setAttr("N", (long) inputOutputs.length);
        b.setAttr("out_type", TypeInfo.of(outType).dataType());
        return new ShapeN<>(b.build());
    }

    /** Adds a {@code ShapeN} node. */
    public static ShapeN<TInt32> create(Scope scope, Iterable<Operand<? extends TType>> input) {
        return create(scope, input, TInt32.class);
    }

    /** The outputs, in order. */
    public List<Output<U>> output() {
        List<Output<U>> out = new ArrayList<>();
        for (int i = 0; i < op().numOutputs(); i++) {
            out.add(op().output(i));
        }
        return out;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Operand<U>> iterator() {
        return (Iterator) output().iterator();
    }
}
