package dev.ember.engine.internal;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;

/** Argument checks shared by ops; each message names the op, the argument and its value. */
public final class Checks {
    private Checks() {
    }

    /** Throws unless {@code t} has rank {@code rank}. */
    public static void rank(String op, String arg, Tensor t, int rank, String layout) {
        if (t.dim() != rank) {
            throw new IllegalArgumentException(op + " expects " + arg + " of rank " + rank
                    + (layout == null ? "" : " " + layout) + ", got " + Shapes.str(t.shape()));
        }
    }

    /** Throws unless {@code t} is float32 or float64. */
    public static void floating(String op, String arg, Tensor t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + " expects a floating-point " + arg + ", got " + t.dtype()
                    + " (convert with .to(DType.FLOAT32))");
        }
    }

    /** Throws unless {@code t} is int32 or int64. */
    public static void integral(String op, String arg, Tensor t) {
        if (!t.dtype().isIntegral()) {
            throw new IllegalArgumentException(op + " expects " + arg + " of an integer dtype (int64 or int32), got "
                    + t.dtype());
        }
    }

    /** Throws unless {@code t} is bool. */
    public static void bool(String op, String arg, Tensor t) {
        if (t.dtype() != DType.BOOL) {
            throw new IllegalArgumentException(op + " expects " + arg + " of dtype bool, got " + t.dtype());
        }
    }

    /** Throws unless the condition holds, with the given message. */
    public static void arg(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Throws unless {@code value > 0}. */
    public static int positive(String op, String arg, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(op + ": " + arg + " must be > 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value >= 0}. */
    public static int nonNegative(String op, String arg, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(op + ": " + arg + " must be >= 0, got " + value);
        }
        return value;
    }
}
