package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.GradCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Drives every row of {@link OpSpecTable}: the generic checks each op gets from its one row. */
class OpSpecTest {

    @TestFactory
    Stream<DynamicNode> everyOp() {
        return OpSpecTable.all().stream().map(spec -> DynamicContainer.dynamicContainer(spec.name, cases(spec)));
    }

    private static Stream<DynamicNode> cases(OpSpec spec) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (int c = 0; c < spec.cases.size(); c++) {
            long[][] shapes = spec.cases.get(c);
            long seed = spec.name.hashCode() * 31L + c;
            String label = shapesLabel(shapes);
            nodes.add(DynamicTest.dynamicTest(label + " forward vs reference", () -> forward(spec, shapes, seed)));
            nodes.add(DynamicTest.dynamicTest(label + " float32 path", () -> float32(spec, shapes, seed)));
            if (spec.contiguousOnly == null) {
                nodes.add(DynamicTest.dynamicTest(label + " non-contiguous inputs", () -> strided(spec, shapes, seed)));
            }
            nodes.add(DynamicTest.dynamicTest(label + " no-grad builds no graph", () -> noGrad(spec, shapes, seed)));
            if (spec.differentiable) {
                nodes.add(DynamicTest.dynamicTest(label + " gradcheck", () -> gradcheck(spec, shapes, seed)));
                nodes.add(DynamicTest.dynamicTest(label + " accumulation", () -> accumulation(spec, shapes, seed)));
            }
        }
        return nodes.stream();
    }

    static String shapesLabel(long[][] shapes) {
        StringBuilder sb = new StringBuilder();
        for (long[] s : shapes) {
            sb.append(sb.length() == 0 ? "" : ",").append(Arrays.toString(s).replace(" ", ""));
        }
        return sb.toString();
    }

    private static void forward(OpSpec spec, long[][] shapes, long seed) {
        assertThat(spec.reference).as("row %s has a reference", spec.name).isNotNull();
        OpInputs in = new OpInputs(spec, shapes, seed);
        Tensor out = spec.fn.apply(in.tensors(DType.FLOAT64, false));
        NdRef expected = spec.reference.apply(in.refs);
        assertThat(out.shape()).as("%s output shape", spec.name).containsExactly(expected.shape);
        double[] got = out.to(DType.FLOAT64).toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            double e = expected.data[i];
            assertThat(Math.abs(got[i] - e) <= 1e-10 + 1e-9 * Math.abs(e) || (Double.isNaN(e) && Double.isNaN(got[i])))
                    .as("%s element %d: engine %s, reference %s", spec.name, i, got[i], e).isTrue();
        }
    }

    private static void float32(OpSpec spec, long[][] shapes, long seed) {
        OpInputs in = new OpInputs(spec, shapes, seed);
        Tensor ref = spec.fn.apply(in.tensors(DType.FLOAT64, false));
        Tensor out = spec.fn.apply(in.tensors(DType.FLOAT32, false));
        assertThat(out.shape()).containsExactly(ref.shape());
        if (ref.dtype() == DType.FLOAT64) {
            assertThat(out.dtype()).as("%s keeps float32", spec.name).isEqualTo(DType.FLOAT32);
        }
        double[] a = out.to(DType.FLOAT64).toDoubleArray();
        double[] b = ref.to(DType.FLOAT64).toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - b[i]) <= 1e-5 + 1e-4 * Math.abs(b[i]))
                    .as("%s float32 element %d: %s vs float64 %s", spec.name, i, a[i], b[i]).isTrue();
        }
    }

    /** The same values laid out transposed in memory (non-contiguous views) must give the same result. */
    private static void strided(OpSpec spec, long[][] shapes, long seed) {
        OpInputs in = new OpInputs(spec, shapes, seed);
        Tensor[] dense = in.tensors(DType.FLOAT64, false);
        Tensor[] strided = dense.clone();
        boolean any = false;
        for (int i = 0; i < strided.length; i++) {
            if (dense[i].dim() >= 2) {
                int[] rev = new int[dense[i].dim()];
                for (int k = 0; k < rev.length; k++) {
                    rev[k] = rev.length - 1 - k;
                }
                strided[i] = dense[i].permute(rev).contiguous().permute(rev);
                any |= !strided[i].isContiguous();
            }
        }
        if (!any) {
            return;
        }
        double[] a = spec.fn.apply(dense).to(DType.FLOAT64).toDoubleArray();
        double[] b = spec.fn.apply(strided).to(DType.FLOAT64).toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            // Summation order may differ with the layout: allow a few ulps, nothing more.
            assertThat(Math.abs(a[i] - b[i]) <= 1e-13 * Math.max(1, Math.abs(a[i])))
                    .as("%s on non-contiguous inputs, element %d: %s vs %s", spec.name, i, b[i], a[i]).isTrue();
        }
    }

    private static void noGrad(OpSpec spec, long[][] shapes, long seed) {
        OpInputs in = new OpInputs(spec, shapes, seed);
        Tensor[] t = in.tensors(DType.FLOAT64, true);
        try (NoGrad ignored = NoGrad.enter()) {
            Tensor out = spec.fn.apply(t);
            assertThat(out.gradFn()).as("%s gradFn under NoGrad", spec.name).isNull();
            assertThat(out.requiresGrad()).isFalse();
        }
        Tensor out = spec.fn.apply(t);
        if (spec.differentiable) {
            assertThat(out.gradFn()).as("%s records a gradFn", spec.name).isNotNull();
            if (spec.gradFnName != null) {
                assertThat(out.gradFn().name()).isEqualTo(spec.gradFnName);
            }
            if (dev.ember.engine.autograd.Node.class.isAssignableFrom(spec.opClass)) {
                assertThat(graphContains(out.gradFn(), spec.opClass))
                        .as("%s: the graph of the output contains a %s node", spec.name, spec.opClass.getSimpleName())
                        .isTrue();
            }
        } else {
            assertThat(out.requiresGrad()).as("%s output needs no grad", spec.name).isFalse();
        }
    }

    static boolean graphContains(dev.ember.engine.autograd.Node root, Class<?> type) {
        java.util.ArrayDeque<dev.ember.engine.autograd.Node> todo = new java.util.ArrayDeque<>();
        java.util.Set<dev.ember.engine.autograd.Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(root);
        while (!todo.isEmpty()) {
            dev.ember.engine.autograd.Node n = todo.poll();
            if (type.isInstance(n)) {
                return true;
            }
            for (var e : n.nextFunctions()) {
                if (e.function() != null && seen.add(e.function())) {
                    todo.add(e.function());
                }
            }
        }
        return false;
    }

    private static void gradcheck(OpSpec spec, long[][] shapes, long seed) {
        OpInputs in = new OpInputs(spec, shapes, seed);
        Tensor[] t = in.tensors(DType.FLOAT64, true);
        GradCheck.check(spec.fn, spec.gradEps, spec.gradAtol, spec.gradRtol, t);
    }

    private static void accumulation(OpSpec spec, long[][] shapes, long seed) {
        OpInputs in = new OpInputs(spec, shapes, seed);
        Tensor[] t = in.tensors(DType.FLOAT64, true);
        Tensor w = Tensor.randn(dev.ember.engine.Ember.manualSeed(seed), spec.fn.apply(t).shape()).to(DType.FLOAT64);
        spec.fn.apply(t).mul(w).sum().backward();
        double[][] single = grads(t, in);
        for (Tensor x : t) {
            if (x.requiresGrad()) {
                x.setGrad(null);
            }
        }
        // The input used on two paths of one graph gets the summed gradient ...
        spec.fn.apply(t).mul(w).sum().add(spec.fn.apply(t).mul(w).sum()).backward();
        // ... and a second backward adds to .grad until it is cleared.
        spec.fn.apply(t).mul(w).sum().backward();
        double[][] triple = grads(t, in);
        for (int i = 0; i < t.length; i++) {
            if (single[i] == null) {
                continue;
            }
            for (int k = 0; k < single[i].length; k++) {
                assertThat(triple[i][k]).as("%s input %d grad[%d] accumulates", spec.name, i, k)
                        .isCloseTo(3 * single[i][k], org.assertj.core.data.Offset.offset(1e-9 + 1e-9 * Math.abs(single[i][k])));
            }
        }
    }

    private static double[][] grads(Tensor[] t, OpInputs in) {
        double[][] g = new double[t.length][];
        for (int i = 0; i < t.length; i++) {
            if (in.isFloat(i) && t[i].grad() != null) {
                g[i] = t[i].grad().toDoubleArray();
            }
        }
        return g;
    }
}
