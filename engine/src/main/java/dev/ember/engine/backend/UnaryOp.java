package dev.ember.engine.backend;

/** Elementwise one-input kernels; the result keeps the input dtype unless noted. */
public enum UnaryOp {
    NEG, ABS, SIGN, EXP, LOG, LOG1P, EXPM1, SQRT, RSQRT, SQUARE, RECIPROCAL,
    SIN, COS, TAN, TANH, SIGMOID, RELU, FLOOR, CEIL, ROUND, ERF,
    /** Bool result. */
    LOGICAL_NOT,
    /** Bool result: true where the value is NaN. */
    ISNAN,
    /** Bool result: true where the value is +-infinity. */
    ISINF
}
