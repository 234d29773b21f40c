package dev.ember.engine.backend;

import dev.ember.engine.DType;

/** Elementwise kernels with NumPy/PyTorch broadcasting. Inputs of binary ops share one dtype. */
public interface ElementwiseKernels {
    /** {@code op(a, b)} broadcast to the common shape; a new array. */
    Array binary(BinaryOp op, Array a, Array b);

    /** {@code op(a, scalar)}; a new array of {@code a}'s dtype (bool for comparisons). */
    Array binaryScalar(BinaryOp op, Array a, double scalar);

    /** {@code op(scalar, a)}, for the non-commutative ops ({@code 2 - x}, {@code 2 / x}, {@code 2 ** x}). */
    Array scalarBinary(BinaryOp op, double scalar, Array a);

    /** {@code op(a)}; a new array. */
    Array unary(UnaryOp op, Array a);

    /** {@code a[i] = op(a[i], b[i])} in place, {@code b} broadcast to {@code a}'s shape. */
    void binaryInPlace(BinaryOp op, Array a, Array b);

    /** {@code a[i] = op(a[i], scalar)} in place. */
    void binaryScalarInPlace(BinaryOp op, Array a, double scalar);

    /** Copies {@code src} (broadcast to {@code dst}'s shape, cast to its dtype) into {@code dst}. */
    void assign(Array dst, Array src);

    /** Sets every element of {@code dst} to {@code value}. */
    void fill(Array dst, double value);

    /** {@code cond ? a : b}, broadcast; {@code cond} is bool, {@code a} and {@code b} share a dtype. */
    Array where(Array cond, Array a, Array b);

    /** A copy converted to {@code dtype} (float to int truncates toward zero). */
    Array cast(Array a, DType dtype);
}
