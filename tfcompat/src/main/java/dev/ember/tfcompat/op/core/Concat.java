package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.OperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Operands;
import dev.ember.tfcompat.op.RawOperand;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/** The values joined along {@code axis}; mirrors {@code org.tensorflow.op.core.Concat} (op type {@code ConcatV2}). */
public final class Concat<T extends TType> extends RawOperand<T> {
    public static final String OP_NAME = "ConcatV2";

    public Concat(Operation operation) {
        super(operation);
    }

    /** Adds a {@code ConcatV2} node. */
    public static <T extends TType> Concat<T> create(Scope scope, Iterable<Operand<T>> values,
            Operand<? extends TNumber> axis) {
        OperationBuilder b = scope.opBuilder(OP_NAME, "Concat");
        Output<?>[] valuesOutputs = Operands.asOutputs(values);
        b.addInputList(valuesOutputs);
        b.setAttr("N", (long) valuesOutputs.length);
        b.addInput(axis.asOutput());
        return new Concat<>(b.build());
    }

    public Output<T> output() {
        return asOutput();
    }
}
