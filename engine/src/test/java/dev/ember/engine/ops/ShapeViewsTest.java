package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ops that are views in PyTorch share storage and the version counter with their input here
 * too: a write through the view lands in the base (and the other way round), and saved tensors
 * notice it. The base holds 0..23, so each element's value is its flat position.
 */
class ShapeViewsTest {

    private static Tensor base() {
        return Tensor.arange(0, 24, 1, DType.FLOAT64).reshape(2, 3, 4).clone();
    }

    private static Map<String, UnaryOperator<Tensor>> views() {
        Map<String, UnaryOperator<Tensor>> v = new LinkedHashMap<>();
        v.put("transpose(0, 2)", x -> x.transpose(0, 2));
        v.put("t() of a matrix", x -> x.select(0, 1).t());
        v.put("unsqueeze(1)", x -> x.unsqueeze(1));
        v.put("squeeze()", x -> x.narrow(1, 1, 1).squeeze());
        v.put("squeeze(1)", x -> x.narrow(1, 2, 1).squeeze(1));
        v.put("slice with step 2", x -> x.slice(2, 1, Long.MAX_VALUE, 2));
        v.put("narrow", x -> x.narrow(1, 1, 2));
        v.put("select(-1)", x -> x.select(1, -1));
        v.put("split piece", x -> x.split(3, 2).get(1));
        v.put("split(sizes) piece", x -> x.split(new long[] {1, 2}, 1).get(1));
        v.put("chunk piece", x -> x.chunk(2, 1).get(1));
        v.put("unbind entry", x -> x.unbind(2).get(3));
        v.put("flatten (viewable)", x -> x.flatten(1, 2));
        v.put("chain of views on a transposed view", x -> x.transpose(1, 2).select(0, 1).slice(0, 1, 4, 2).unsqueeze(0));
        return v;
    }

    @TestFactory
    Stream<DynamicTest> writeThroughTheViewReachesTheBase() {
        return views().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Tensor b = base();
            Tensor v = e.getValue().apply(b);
            assertThat(v.base()).as("view's base").isSameAs(b);
            Set<Integer> covered = positions(v);
            long before = b.version();
            try (NoGrad ignored = NoGrad.enter()) {
                v.add_(100);
            }
            assertThat(b.version()).as("shared version counter").isEqualTo(before + 1);
            assertThat(v.version()).isEqualTo(b.version());
            double[] after = b.toDoubleArray();
            for (int p = 0; p < after.length; p++) {
                assertThat(after[p]).as("base element %d", p).isEqualTo(covered.contains(p) ? p + 100 : p);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> writeToTheBaseShowsInTheView() {
        return views().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Tensor b = base();
            Tensor v = e.getValue().apply(b);
            double[] old = v.toDoubleArray();
            try (NoGrad ignored = NoGrad.enter()) {
                b.mul_(-1.0);
            }
            double[] now = v.toDoubleArray();
            for (int i = 0; i < old.length; i++) {
                assertThat(now[i]).isEqualTo(-old[i]);
            }
            assertThat(v.version()).isEqualTo(b.version()).isEqualTo(1);
        }));
    }

    @Test
    void copyIntoASliceWritesOnlyThatSlice() {
        Tensor b = base();
        try (NoGrad ignored = NoGrad.enter()) {
            b.select(2, 0).copy_(Tensor.zeros(DType.FLOAT64, 2, 3));
        }
        double[] d = b.toDoubleArray();
        for (int p = 0; p < d.length; p++) {
            assertThat(d[p]).isEqualTo(p % 4 == 0 ? 0 : p);
        }
    }

    @Test
    void copiesDoNotShareStorage() {
        Map<String, UnaryOperator<Tensor>> copies = new LinkedHashMap<>();
        copies.put("repeat", x -> x.repeat(1, 1, 1));
        copies.put("flip", x -> x.flip(0));
        copies.put("cat", x -> Tensor.cat(0, x));
        copies.put("stack", x -> Tensor.stack(0, x));
        copies.put("indexSelect", x -> x.indexSelect(0, Tensor.of(0, 1)));
        copies.put("gather", x -> x.gather(0, Tensor.zeros(DType.INT64, 2, 3, 4)));
        copies.put("sliceScatter", x -> x.sliceScatter(x.narrow(0, 0, 1), 0, 0, 1, 1));
        for (Map.Entry<String, UnaryOperator<Tensor>> e : copies.entrySet()) {
            Tensor b = base();
            Tensor c = e.getValue().apply(b);
            assertThat(c.base()).as(e.getKey()).isNull();
            try (NoGrad ignored = NoGrad.enter()) {
                c.fill_(-1);
            }
            assertThat(b.toDoubleArray()).as(e.getKey()).isEqualTo(base().toDoubleArray());
            assertThat(b.version()).as(e.getKey()).isZero();
        }
    }

    @Test
    void anInPlaceWriteThroughAViewInvalidatesTensorsSavedFromTheBase() {
        Tensor x = Tensor.randn(2, 3).to(DType.FLOAT64).requiresGrad_(true);
        Tensor y = x.mul(2.0);
        Tensor z = y.mul(y).sum();
        try (NoGrad ignored = NoGrad.enter()) {
            y.select(0, 1).add_(1.0);
        }
        assertThatThrownBy(z::backward).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modified by an inplace operation");
    }

    /** Flat positions in the base (the values, since base element p holds p) that view {@code v} covers. */
    private static Set<Integer> positions(Tensor v) {
        Set<Integer> s = new HashSet<>();
        for (double d : v.toDoubleArray()) {
            s.add((int) d);
        }
        return s;
    }
}
