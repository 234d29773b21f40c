package dev.ember.engine.backend;

/** Elementwise two-input kernels. Comparisons produce bool arrays; the rest keep the input dtype. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAXIMUM, MINIMUM, ATAN2,
    /** Floor division for integers, true-division remainder with the sign of the divisor. */
    REMAINDER,
    EQ, NE, LT, LE, GT, GE,
    LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR;

    /** {@code true} for ops whose result is bool. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
