package dev.ember.engine.backend;

/** Reductions over dimensions. ARGMAX/ARGMIN give int64 indices (first occurrence). */
public enum ReduceOp {
    SUM, MEAN, PROD, MAX, MIN, ARGMAX, ARGMIN
}
