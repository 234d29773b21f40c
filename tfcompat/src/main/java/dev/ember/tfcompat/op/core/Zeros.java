package dev.ember.tfcompat.op.core;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.Operation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.op.Op;
import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.op.dtypes.Cast;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;

/**
 * A tensor of zeros of shape {@code dims}; mirrors {@code org.tensorflow.op.core.Zeros}: a
 * {@code Fill} of a cast zero, under the sub-scope {@code Zeros} (or the name given with {@code withName}).
 */
public final class Zeros<T extends TType> implements Op, Operand<T> {
    private final Fill<T> fill;

    private Zeros(Fill<T> fill) {
        this.fill = fill;
    }

    /** Adds {@code Fill(dims, Cast(0))} nodes. */
    @SuppressWarnings("unchecked")
    public static <T extends TType> Zeros<T> create(Scope scope, Operand<? extends TNumber> dims, Class<T> type) {
        Scope zeros = scope.withNameAsSubScope("Zeros");
        Operand<T> zero = type == TString.class
                ? (Operand<T>) Constant.create(zeros.withName("Zero"), TString.scalarOf(""))
                : Cast.create(zeros.withName("Zero"), Constant.create(zeros, TInt32.scalarOf(0)), type);
        return new Zeros<>(Fill.create(zeros.withName("Fill"), dims, zero));
    }

    @Override
    public Operation op() {
        return fill.op();
    }

    @Override
    public Output<T> asOutput() {
        return fill.asOutput();
    }
}
