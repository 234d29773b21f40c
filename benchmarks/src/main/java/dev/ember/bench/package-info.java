/**
 * Benchmarks: the engine side by side with TF-Java (graph and eager), libtorch and raw ND4J.
 *
 * <p>{@link dev.ember.bench.BenchRunner} (behind {@code ember bench} and {@link dev.ember.bench.BenchMain})
 * forks one child JVM per workload and backend ({@link dev.ember.bench.Forks}), each running
 * {@link dev.ember.bench.ChildMain}: a {@link dev.ember.bench.Suite} per backend times the workloads of
 * {@link dev.ember.bench.Workload}. The parent prints one {@link dev.ember.bench.Table} with ratios and
 * the targets, and can write the results as JSON ({@link dev.ember.bench.JsonReport}).
 */
package dev.ember.bench;
