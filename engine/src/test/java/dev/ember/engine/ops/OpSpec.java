package dev.ember.engine.ops;

import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the op-spec table: how to call an op, on which input shapes, its independent
 * float64 reference, and the equivalent PyTorch expression. {@link OpSpecTest} turns each row into
 * forward, float32, gradcheck, broadcasting, no-grad and accumulation checks;
 * {@code TorchOracleTest} runs the same rows through real PyTorch.
 *
 * <pre>{@code
 * OpSpec.of("add", Add.class, in -> in[0].add(in[1]))
 *       .shapes(s(2, 3), s(2, 3)).shapes(s(2, 3), s(3)).shapes(s(2, 1), s(1, 3))
 *       .ref(r -> NdRef.zip(r[0], r[1], Double::sum))
 *       .torch("a + b")
 * }</pre>
 */
public final class OpSpec {
    /** How a row's random inputs are drawn. */
    public enum Domain {
        /** Uniform in (-2, 2), kept away from 0 by 0.05 so kinks (relu, abs) are not hit. */
        ANY,
        /** Uniform in (0.5, 2.5). */
        POSITIVE,
        /** Uniform in +-(0.5, 2). */
        AWAY_FROM_ZERO,
        /** Uniform in (-0.9, 0.9). */
        UNIT,
        /** int64 indices in [0, indexHigh). */
        INDEX,
        /** Random bools. */
        BOOL
    }

    final String name;
    final Class<?> opClass;
    final Function<Tensor[], Tensor> fn;
    final List<long[][]> cases = new ArrayList<>();
    Function<NdRef[], NdRef> reference;
    String torch;
    boolean differentiable = true;
    Domain[] domains = new Domain[0];
    long[] indexHigh = new long[0];
    String gradFnName;
    String contiguousOnly;
    double gradEps = 1e-6;
    double gradAtol = 1e-5;
    double gradRtol = 1e-3;
    String gradToleranceReason;

    private OpSpec(String name, Class<?> opClass, Function<Tensor[], Tensor> fn) {
        this.name = name;
        this.opClass = opClass;
        this.fn = fn;
    }

    /** A row for op {@code opClass}, called as {@code fn(inputs)}. */
    public static OpSpec of(String name, Class<?> opClass, Function<Tensor[], Tensor> fn) {
        return new OpSpec(name, opClass, fn);
    }

    /** Shorthand for a shape. */
    public static long[] s(long... shape) {
        return shape;
    }

    /** Adds one case: the shapes of the inputs. Several cases exercise broadcasting and ranks. */
    public OpSpec shapes(long[]... inputShapes) {
        cases.add(inputShapes);
        return this;
    }

    /** The independent float64 reference. */
    public OpSpec ref(Function<NdRef[], NdRef> reference) {
        this.reference = reference;
        return this;
    }

    /** The same computation in PyTorch, on inputs named a, b, c, d (tensors) — for TorchOracleTest. */
    public OpSpec torch(String expression) {
        this.torch = expression;
        return this;
    }

    /** Domain of input {@code i}. */
    public OpSpec domain(int i, Domain d) {
        if (domains.length <= i) {
            domains = Arrays.copyOf(domains, i + 1);
            indexHigh = Arrays.copyOf(indexHigh, i + 1);
        }
        domains[i] = d;
        return this;
    }

    /** Domain of every input. */
    public OpSpec domain(Domain d) {
        for (int i = 0; i < 4; i++) {
            domain(i, d);
        }
        return this;
    }

    /** Input {@code i} is an int64 index tensor with values in [0, high). */
    public OpSpec index(int i, long high) {
        domain(i, Domain.INDEX);
        indexHigh[i] = high;
        return this;
    }

    /** The op has no gradient (comparisons, argmax, ...): skip gradient checks. */
    public OpSpec notDifferentiable() {
        this.differentiable = false;
        return this;
    }

    /** The op refuses non-contiguous inputs by design (e.g. {@code view}); skips the strided check. */
    public OpSpec contiguousOnly(String reason) {
        this.contiguousOnly = reason;
        return this;
    }

    /** The expected {@code gradFn().name()} of the output, e.g. {@code PowBackward1}. */
    public OpSpec gradFn(String name) {
        this.gradFnName = name;
        return this;
    }

    /** Other gradcheck step and tolerances; needs a reason (STYLE: overrides carry a written reason). */
    public OpSpec gradTolerance(double eps, double atol, double rtol, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("gradTolerance needs a reason");
        }
        this.gradEps = eps;
        this.gradAtol = atol;
        this.gradRtol = rtol;
        this.gradToleranceReason = reason;
        return this;
    }

    Domain domainOf(int i) {
        return i < domains.length && domains[i] != null ? domains[i] : Domain.ANY;
    }

    @Override
    public String toString() {
        return name;
    }
}
