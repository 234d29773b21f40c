package dev.ember.engine.nn;

import java.util.Arrays;

/**
 * A pooling size as the user gave it, an int or a tuple, so that the printout matches PyTorch's
 * (which prints {@code kernel_size=3} or {@code kernel_size=(3, 2)}), with its checked values.
 * A one-value array stands for an int (Java has no other way to say "the same for both").
 */
final class PoolArg {
    final int[] values;
    final boolean tuple;

    private PoolArg(int[] values, boolean tuple) {
        this.values = values;
        this.tuple = tuple;
    }

    static PoolArg of(int value) {
        return new PoolArg(new int[] {value}, false);
    }

    /** {@code v}: one value (printed as an int) or a tuple of {@code dims} values. */
    static PoolArg of(String op, String arg, int[] v, int dims) {
        if (v == null || (v.length != 1 && v.length != dims)) {
            throw new IllegalArgumentException(op + ": " + arg + " must have 1 or " + dims + " values, got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        return new PoolArg(v.clone(), v.length != 1);
    }

    /** Throws unless every value is at least {@code min}. */
    PoolArg atLeast(String op, String arg, int min) {
        for (int v : values) {
            if (v < min) {
                throw new IllegalArgumentException(op + ": " + arg + " must be " + (min == 0 ? ">= 0" : "> 0")
                        + ", got " + this);
            }
        }
        return this;
    }

    /** The value of spatial dimension {@code i}. */
    int get(int i) {
        return values[values.length == 1 ? 0 : i];
    }

    /** One value per dimension. */
    int[] expand(int dims) {
        int[] out = new int[dims];
        for (int i = 0; i < dims; i++) {
            out[i] = get(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return tuple ? PyRepr.pyTuple(values) : Integer.toString(values[0]);
    }
}
