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
 * A tensor of ones of shape {@code dims}; mirrors {@code org.tensorflow.op.core.Ones}: a
 * {@code Fill} of a cast one, under the sub-scope {@code Ones} (or the name given with {@code withName}).
 */
public final class Ones<T extends TType> implements Op, Operand<T> {
    private final Fill<T> fill;

    private Ones(Fill<T> fill) {
        this.fill = fill;
    }

    /** Adds {@code Fill(dims, Cast(1))} nodes; strings have no one. */
    public static <T extends TType> Ones<T> create(Scope scope, Operand<? extends TNumber> dims, Class<T> type) {
        if (type == TString.class) {
            throw new IllegalArgumentException("Can't create Ones of String DataType");
        }
        Scope ones = scope.withNameAsSubScope("Ones");
        Operand<T> one = Cast.create(ones.withName("One"), Constant.create(ones, TInt32.scalarOf(1)), type);
        return new Ones<>(Fill.create(ones.withName("Fill"), dims, one));
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
