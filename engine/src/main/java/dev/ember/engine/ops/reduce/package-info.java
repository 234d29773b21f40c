/** Reductions over all or given dimensions, with {@code keepdim}. */
package dev.ember.engine.ops.reduce;
