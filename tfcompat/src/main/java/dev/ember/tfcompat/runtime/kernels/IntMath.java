package dev.ember.tfcompat.runtime.kernels;

import dev.ember.engine.Tensor;
import java.util.function.LongBinaryOperator;

/**
 * Exact integer arithmetic for the ops whose integer semantics differ from the engine's (C++
 * truncating division and remainder, floor division, integer powers): elementwise on longs with
 * NumPy broadcasting. Integer results have no gradient, so plain loops lose nothing.
 */
final class IntMath {
    private IntMath() {
    }

    /** {@code f(a, b)} elementwise, broadcast; an int64 tensor (the caller converts to the node's type). */
    static Tensor apply(Tensor a, Tensor b, long[] shape, LongBinaryOperator f) {
        long[] av = a.broadcastTo(shape).contiguous().toLongArray();
        long[] bv = b.broadcastTo(shape).contiguous().toLongArray();
        long[] out = new long[av.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsLong(av[i], bv[i]);
        }
        return Tensor.fromArray(out, shape);
    }

    /** C++ {@code a / b} (toward zero); TF refuses a zero divisor. */
    static long truncDiv(long a, long b) {
        return a / nonZero(b);
    }

    /** Python {@code a // b} (toward negative infinity). */
    static long floorDiv(long a, long b) {
        return Math.floorDiv(a, nonZero(b));
    }

    /** C++ {@code a % b} (sign of the dividend). */
    static long truncMod(long a, long b) {
        return a % nonZero(b);
    }

    /** Python {@code a % b} (sign of the divisor). */
    static long floorMod(long a, long b) {
        return Math.floorMod(a, nonZero(b));
    }

    /** {@code a ** b} by squaring, wrapping like C++ integers; negative exponents are refused as in TF. */
    static long pow(long a, long b) {
        if (b < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed");
        }
        long result = 1;
        long base = a;
        long e = b;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
            e >>= 1;
        }
        return result;
    }

    private static long nonZero(long b) {
        if (b == 0) {
            throw new IllegalArgumentException("Integer division by zero");
        }
        return b;
    }
}
