package dev.ember.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Autograd;
import dev.ember.engine.autograd.GradCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What the one-output op-spec rows cannot show: multi-output nodes, edge shapes, dtypes, double backward. */
class ShapeOpsTest {

    @Test
    void multiOutputOpsShowPyTorchsNodeNames() {
        Tensor x = Tensor.randn(4, 6).requiresGrad_(true);
        assertThat(x.split(2, 1).get(0).gradFn().name()).isEqualTo("SplitBackward0");
        assertThat(x.split(new long[] {1, 5}, 1).get(1).gradFn().name()).isEqualTo("SplitWithSizesBackward0");
        assertThat(x.chunk(4, 1).get(0).gradFn().name()).isEqualTo("SplitBackward0");
        List<Tensor> u = x.unbind(0);
        assertThat(u).hasSize(4);
        assertThat(u.get(2).gradFn()).isSameAs(u.get(0).gradFn());
        assertThat(u.get(2).gradFn().name()).isEqualTo("UnbindBackward0");
    }

    @Test
    void chunkFollowsPyTorchsSizingRule() {
        assertThat(Tensor.randn(5).chunk(3, 0)).extracting(t -> t.shape()[0]).containsExactly(2L, 2L, 1L);
        assertThat(Tensor.randn(6).chunk(4, 0)).extracting(t -> t.shape()[0]).containsExactly(2L, 2L, 2L);
        assertThat(Tensor.randn(2, 0).chunk(3, 1)).hasSize(3).allSatisfy(t -> assertThat(t.shape()).containsExactly(2, 0));
        assertThat(Tensor.randn(2, 0).split(0, 1)).hasSize(1);
    }

    @Test
    void unusedOutputsOfASplitGetZeroGradient() {
        Tensor x = Tensor.arange(0, 6, 1, DType.FLOAT64).requiresGrad_(true);
        x.split(2, 0).get(1).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 0, 1, 1, 0, 0);
    }

    @Test
    void catAndStackPromoteDtypes() {
        Tensor c = Tensor.cat(0, Tensor.of(1, 2), Tensor.of(true), Tensor.of(0.5f));
        assertThat(c.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(c.toDoubleArray()).containsExactly(1, 2, 1, 0.5);
        assertThat(Tensor.cat(0, Tensor.of(1, 2), Tensor.of(true)).dtype()).isEqualTo(DType.INT64);
        Tensor s = Tensor.stack(0, Tensor.of(1, 2), Tensor.fromArray(new double[] {3, 4}, 2));
        assertThat(s.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(s.shape()).containsExactly(2, 2);
        assertThat(Tensor.stack(0, Tensor.of(true, false), Tensor.of(false, false)).dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void catSkipsLegacyEmptyTensorsAndGivesThemAZeroSizedGradient() {
        Tensor e = Tensor.zeros(DType.FLOAT64, 0).requiresGrad_(true);
        Tensor x = Tensor.randn(2, 3).to(DType.FLOAT64).requiresGrad_(true);
        Tensor c = Tensor.cat(1, e, x, e);
        assertThat(c.shape()).containsExactly(2, 3);
        c.sum().backward();
        assertThat(e.grad().shape()).containsExactly(0);
        assertThat(x.grad().toDoubleArray()).containsOnly(1.0);
        assertThat(Tensor.cat(0, Tensor.zeros(0), Tensor.zeros(0)).shape()).containsExactly(0);
    }

    @Test
    void intAndBoolTensorsSliceAndIndexWithoutAGraph() {
        Tensor i = Tensor.arange(12).reshape(3, 4);
        assertThat(i.t().select(0, 1).toLongArray()).containsExactly(1, 5, 9);
        assertThat(i.gather(1, Tensor.fromArray(new long[] {3, 0, 2}, 3, 1)).toLongArray()).containsExactly(3, 4, 10);
        assertThat(i.flip(1).narrow(0, 2, 1).toLongArray()).containsExactly(11, 10, 9, 8);
        Tensor b = Tensor.of(true, false, true);
        assertThat(b.repeat(2).toLongArray()).containsExactly(1, 0, 1, 1, 0, 1);
        assertThat(b.slice(0, 0, 3, 2).dtype()).isEqualTo(DType.BOOL);
    }

    @Test
    void indexSelectAcceptsInt32AndZeroDimIndices() {
        Tensor x = Tensor.arange(0, 12, 1, DType.FLOAT64).reshape(3, 4);
        assertThat(x.indexSelect(1, Tensor.fromArray(new int[] {3, 0}, 2)).toDoubleArray())
                .containsExactly(3, 0, 7, 4, 11, 8);
        assertThat(x.indexSelect(0, Tensor.scalar(2L)).shape()).containsExactly(1, 4);
        assertThat(Tensor.scalar(5.0).indexSelect(0, Tensor.of(0)).shape()).isEmpty();
    }

    @Test
    void scatterAddWithASourceLargerThanTheIndexUsesItsLeadingCorner() {
        // PyTorch 1.13 computes this forward but its backward returns a wrongly sized src gradient;
        // here src's gradient is zero outside the indexed corner.
        Tensor self = Tensor.randn(2, 3).to(DType.FLOAT64).requiresGrad_(true);
        Tensor src = Tensor.randn(3, 4).to(DType.FLOAT64).requiresGrad_(true);
        Tensor index = Tensor.fromArray(new long[] {0, 2, 1, 1}, 2, 2);
        NdRef expected = new NdRef(self.shape(), self.detach().toDoubleArray()).scatterAdd(1,
                new NdRef(index.shape(), new double[] {0, 2, 1, 1}), new NdRef(src.shape(), src.detach().toDoubleArray()));
        assertThat(self.scatterAdd(1, index, src).toDoubleArray()).containsExactly(expected.data);
        GradCheck.check(in -> in[0].scatterAdd(1, index, in[1]), self, src);
        self.scatterAdd(1, index, src).sum().backward();
        assertThat(src.grad().toDoubleArray()).containsExactly(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void slicingFollowsPythonRules() {
        Tensor x = Tensor.arange(10);
        assertThat(x.slice(0, -3, Long.MAX_VALUE, 1).toLongArray()).containsExactly(7, 8, 9);
        assertThat(x.slice(0, -100, 2, 1).toLongArray()).containsExactly(0, 1);
        assertThat(x.slice(0, 8, 3, 1).shape()).containsExactly(0);
        assertThat(x.slice(0, 1, 100, 3).toLongArray()).containsExactly(1, 4, 7);
        assertThat(x.slice(0, 12, 20, 1).shape()).containsExactly(0);
        assertThat(x.narrow(0, -2, 2).toLongArray()).containsExactly(8, 9);
        assertThat(x.narrow(0, 10, 0).shape()).containsExactly(0);
    }

    @Test
    void squeezeOfANonUnitDimIsANoOpViewAndScalarsWork() {
        Tensor x = Tensor.randn(2, 3).requiresGrad_(true);
        Tensor s = x.squeeze(0);
        assertThat(s.shape()).containsExactly(2, 3);
        assertThat(s.gradFn().name()).isEqualTo("SqueezeBackward1");
        assertThat(Tensor.scalar(2.0).squeeze(0).shape()).isEmpty();
        assertThat(Tensor.scalar(2.0).unsqueeze(-1).shape()).containsExactly(1);
        assertThat(Tensor.scalar(2.0).flatten().shape()).containsExactly(1);
        assertThat(Tensor.scalar(2.0).transpose(0, -1).shape()).isEmpty();
        assertThat(Tensor.scalar(2.0).repeat(2, 3).shape()).containsExactly(2, 3);
        assertThat(Tensor.randn(2, 3).repeat(0, 2).shape()).containsExactly(0, 6);
    }

    /** Linear ops f: d/dw of sum(grad_x(sum(f(x) * w)) * v) is f(v); checks the backward is itself differentiable. */
    @TestFactory
    Stream<DynamicTest> doubleBackwardThroughLinearOps() {
        Tensor index = Tensor.fromArray(new long[] {2, 0, 0, 1, 2, 2}, 2, 3);
        Map<String, UnaryOperator<Tensor>> ops = new LinkedHashMap<>();
        ops.put("transpose", x -> x.transpose(0, 1));
        ops.put("t", Tensor::t);
        ops.put("unsqueeze", x -> x.unsqueeze(1));
        ops.put("squeeze", x -> x.reshape(3, 1, 3).squeeze(1));
        ops.put("slice", x -> x.slice(1, 0, 3, 2));
        ops.put("select", x -> x.select(0, 1));
        ops.put("cat", x -> Tensor.cat(1, x, x.mul(2.0)));
        ops.put("stack", x -> Tensor.stack(0, x, x.mul(3.0)));
        ops.put("split", x -> Tensor.cat(1, x.split(2, 1).get(1), x.split(2, 1).get(0)));
        ops.put("unbind", x -> x.unbind(1).get(2));
        ops.put("indexSelect", x -> x.indexSelect(1, Tensor.of(2, 2, 0)));
        ops.put("gather", x -> x.gather(0, index));
        ops.put("scatterAdd", x -> Tensor.zeros(DType.FLOAT64, 3, 3).scatterAdd(0, index, x.narrow(0, 0, 2)));
        ops.put("indexAdd", x -> Tensor.zeros(DType.FLOAT64, 3, 3).indexAdd(0, Tensor.of(1, 1, 0), x));
        ops.put("sliceScatter", x -> Tensor.zeros(DType.FLOAT64, 3, 5).sliceScatter(x, 1, 0, 5, 2));
        ops.put("repeat", x -> x.repeat(2, 1, 2));
        ops.put("flip", x -> x.flip(0, 1));
        return ops.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            UnaryOperator<Tensor> f = e.getValue();
            Tensor x = Tensor.randn(3, 3).to(DType.FLOAT64).requiresGrad_(true);
            long[] outShape = f.apply(x).shape();
            Tensor w = Tensor.randn(outShape).to(DType.FLOAT64).requiresGrad_(true);
            Tensor v = Tensor.randn(3, 3).to(DType.FLOAT64);
            Tensor gx = Autograd.grad(new Tensor[] {f.apply(x).mul(w).sum()}, new Tensor[] {x}, null, true, true, false)[0];
            Tensor gw = Autograd.grad(new Tensor[] {gx.mul(v).sum()}, new Tensor[] {w}, null, false, false, false)[0];
            assertThat(gw.allClose(f.apply(v), 1e-12, 1e-12)).as("%s: d/dw <J^T w, v> = f(v)", e.getKey()).isTrue();
        }));
    }

    @Test
    void doubleBackwardThroughMvAndDot() {
        Tensor a = Tensor.randn(3, 4).to(DType.FLOAT64).requiresGrad_(true);
        Tensor v = Tensor.randn(4).to(DType.FLOAT64).requiresGrad_(true);
        // d/dv of sum(grad_a(sum(mv(a, v))) * A') = A'^T 1: grad_a = 1 v^T.
        Tensor ga = Autograd.grad(new Tensor[] {a.mv(v).sum()}, new Tensor[] {a}, null, true, true, false)[0];
        Tensor probe = Tensor.randn(3, 4).to(DType.FLOAT64);
        Tensor gv = Autograd.grad(new Tensor[] {ga.mul(probe).sum()}, new Tensor[] {v}, null, false, false, false)[0];
        assertThat(gv.allClose(probe.sum(0), 1e-12, 1e-12)).isTrue();
        Tensor b = Tensor.randn(4).to(DType.FLOAT64).requiresGrad_(true);
        Tensor gb = Autograd.grad(new Tensor[] {v.dot(b)}, new Tensor[] {b}, null, true, true, false)[0];
        Tensor gvv = Autograd.grad(new Tensor[] {gb.dot(gb)}, new Tensor[] {v}, null, false, false, false)[0];
        assertThat(gvv.allClose(v.detach().mul(2.0), 1e-12, 1e-12)).isTrue();
    }
}
