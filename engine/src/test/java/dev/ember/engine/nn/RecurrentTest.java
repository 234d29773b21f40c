package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recurrent modules without PyTorch: parameters, initialisation, dropout masks, state passing, float32. */
class RecurrentTest {

    private static Tensor randn(long seed, long... shape) {
        return Tensor.randn(new Generator(seed), shape).to(DType.FLOAT64);
    }

    @Test
    void parametersAreNamedAndShapedLikePyTorch() {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        new LSTM(3, 5, 2, true, false, 0, true).namedParameters()
            .forEach((k, v) -> shapes.put(k, java.util.Arrays.stream(v.shape()).boxed().toList()));
        assertThat(shapes).containsExactly(
                Map.entry("weight_ih_l0", List.of(20L, 3L)), Map.entry("weight_hh_l0", List.of(20L, 5L)),
                Map.entry("bias_ih_l0", List.of(20L)), Map.entry("bias_hh_l0", List.of(20L)),
                Map.entry("weight_ih_l0_reverse", List.of(20L, 3L)), Map.entry("weight_hh_l0_reverse", List.of(20L, 5L)),
                Map.entry("bias_ih_l0_reverse", List.of(20L)), Map.entry("bias_hh_l0_reverse", List.of(20L)),
                Map.entry("weight_ih_l1", List.of(20L, 10L)), Map.entry("weight_hh_l1", List.of(20L, 5L)),
                Map.entry("bias_ih_l1", List.of(20L)), Map.entry("bias_hh_l1", List.of(20L)),
                Map.entry("weight_ih_l1_reverse", List.of(20L, 10L)), Map.entry("weight_hh_l1_reverse", List.of(20L, 5L)),
                Map.entry("bias_ih_l1_reverse", List.of(20L)), Map.entry("bias_hh_l1_reverse", List.of(20L)));
        assertThat(new GRU(3, 5, 2, false, false, 0, false).stateDict().keySet())
            .containsExactly("weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1");
        assertThat(new GRU(3, 5).flatWeights().stream().map(t -> java.util.Arrays.toString(t.shape())))
            .containsExactly("[15, 3]", "[15, 5]", "[15]", "[15]");
        assertThat(new GRUCell(3, 5, false).stateDict().keySet()).containsExactly("weight_ih", "weight_hh");
        assertThat(new LSTMCell(3, 5).weightIh().shape()).containsExactly(20, 3);
        assertThat(new LSTM(3, 5, 2, false, false, 0, true).flatWeights()).hasSize(8);
    }

    @Test
    void everyParameterIsDrawnFromUniformOneOverSqrtHidden() {
        Ember.manualSeed(3);
        List<Module> modules = List.of(new LSTM(30, 16, 2, true, false, 0, true), new GRU(8, 25), new LSTMCell(4, 9),
                new GRUCell(4, 100));
        for (Module m : modules) {
            int hidden = m instanceof RNNBase r ? r.hiddenSize() : ((RNNCellBase) m).hiddenSize();
            double bound = 1 / Math.sqrt(hidden);
            m.namedParameters().forEach((name, p) -> {
                double[] v = p.toDoubleArray();
                double max = java.util.Arrays.stream(v).max().orElseThrow();
                double min = java.util.Arrays.stream(v).min().orElseThrow();
                assertThat(max).as("%s %s max", m, name).isLessThan(bound).isGreaterThan(0.6 * bound);
                assertThat(min).as("%s %s min", m, name).isGreaterThanOrEqualTo(-bound).isLessThan(-0.6 * bound);
            });
        }
    }

    /** A one-layer copy of layer {@code layer} of {@code m} (same direction count). */
    private static LSTM layerOf(LSTM m, int layer) {
        int in = layer == 0 ? m.inputSize() : m.hiddenSize() * m.numDirections();
        LSTM one = new LSTM(in, m.hiddenSize(), 1, m.bias(), false, 0, m.bidirectional());
        one.to(DType.FLOAT64);
        Map<String, Tensor> sd = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> {
            if (k.contains("_l" + layer)) {
                sd.put(k.replace("_l" + layer, "_l0"), v);
            }
        });
        one.loadStateDict(sd, true);
        return one;
    }

    @Test
    void interLayerDropoutDrawsAnInvertedMaskFromTheGivenGenerator() {
        LSTM m = new LSTM(3, 4, 2, true, false, 0.3, true);
        m.to(DType.FLOAT64);
        m.setGenerator(new Generator(7));
        Tensor x = randn(1, 5, 6, 3);
        LSTM.Output out = m.forward(x, null);

        LSTM.Output first = layerOf(m, 0).forward(x, null);
        Tensor keep = Tensor.rand(new Generator(7), 5, 6, 8).lt(1 - 0.3);   // Functional.dropout's keep rule
        Tensor masked = first.output().mul(keep.to(DType.FLOAT64)).div(0.7);
        LSTM.Output second = layerOf(m, 1).forward(masked, null);
        assertThat(out.output().allClose(second.output(), 0, 1e-14)).isTrue();
        assertThat(out.h().allClose(Tensor.cat(0, first.h(), second.h()), 0, 1e-14)).isTrue();
        assertThat(out.c().allClose(Tensor.cat(0, first.c(), second.c()), 0, 1e-14)).isTrue();
        double dropped = 1 - keep.to(DType.FLOAT64).mean().item();
        assertThat(dropped).isBetween(0.15, 0.45);

        // eval(): no dropout at all.
        m.eval();
        Tensor plain = layerOf(m, 1).forward(first.output());
        assertThat(m.forward(x).allClose(plain, 0, 1e-14)).isTrue();
        assertThat(m.forward(x).allClose(out.output(), 0, 1e-3)).isFalse();
    }

    @Test
    void dropoutFromTheDefaultGeneratorRepeatsForASeed() {
        GRU m = new GRU(3, 4, 3, true, true, 0.5, false);
        Tensor x = Tensor.randn(2, 6, 3);
        Ember.manualSeed(11);
        Tensor a = m.forward(x);
        Tensor b = m.forward(x);
        Ember.manualSeed(11);
        Tensor c = m.forward(x);
        assertThat(a.equal(c)).isTrue();
        assertThat(a.equal(b)).isFalse();
    }

    @Test
    void finalStatesContinueTheSequence() {
        LSTM lstm = new LSTM(3, 4, 2, true, true, 0, false);
        GRU gru = new GRU(3, 4, 2, true, true, 0, false);
        Tensor x = Tensor.randn(2, 7, 3);
        Tensor head = x.narrow(1, 0, 3);
        Tensor tail = x.narrow(1, 3, 4);
        LSTM.Output whole = lstm.forward(x, null);
        LSTM.Output part = lstm.forward(tail, lstm.forward(head, null).state().detach());
        assertThat(part.output().allClose(whole.output().narrow(1, 3, 4), 1e-5, 1e-6)).isTrue();
        assertThat(part.h().allClose(whole.h(), 1e-5, 1e-6)).isTrue();
        assertThat(part.c().allClose(whole.c(), 1e-5, 1e-6)).isTrue();
        GRU.Output g = gru.forward(x, null);
        GRU.Output gPart = gru.forward(tail, gru.forward(head, null).h());
        assertThat(gPart.output().allClose(g.output().narrow(1, 3, 4), 1e-5, 1e-6)).isTrue();
        assertThat(gPart.h().allClose(g.h(), 1e-5, 1e-6)).isTrue();
        // The cells compute the same steps.
        LSTMCell cell = new LSTMCell(3, 4);
        LSTM one = new LSTM(3, 4);
        one.loadStateDict(Map.of("weight_ih_l0", cell.weightIh(), "weight_hh_l0", cell.weightHh(),
                "bias_ih_l0", cell.biasIh(), "bias_hh_l0", cell.biasHh()), true);
        Tensor seq = Tensor.randn(4, 2, 3);
        LSTM.State s = null;
        for (Tensor step : seq.unbind(0)) {
            s = cell.forward(step, s);
        }
        assertThat(s.h().allClose(one.forward(seq, null).h().squeeze(0), 1e-5, 1e-6)).isTrue();
    }

    @Test
    void batchFirstOutputIsContiguousAndFloat32AgreesWithFloat64() {
        LSTM m = new LSTM(3, 4, 2, true, true, 0, true);
        Tensor x = Tensor.randn(2, 5, 3);
        LSTM.Output o32 = m.forward(x, null);
        assertThat(o32.output().shape()).containsExactly(2, 5, 8);
        assertThat(o32.output().isContiguous()).isTrue();
        assertThat(o32.output().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(o32.h().shape()).containsExactly(4, 2, 4);
        m.to(DType.FLOAT64);
        LSTM.Output o64 = m.forward(x.to(DType.FLOAT64), null);
        assertThat(o32.output().to(DType.FLOAT64).allClose(o64.output(), 1e-5, 1e-6)).isTrue();
        assertThat(o32.c().to(DType.FLOAT64).allClose(o64.c(), 1e-5, 1e-6)).isTrue();
        GRU g = new GRU(3, 4, 1, false, false, 0, false);
        Tensor y32 = g.forward(x);
        g.to(DType.FLOAT64);
        assertThat(y32.to(DType.FLOAT64).allClose(g.forward(x.to(DType.FLOAT64)), 1e-5, 1e-6)).isTrue();
    }

    @Test
    void gradientsReachEveryParameterAndTheInput() {
        GRU m = new GRU(3, 4, 2, true, false, 0, true);
        Tensor x = Tensor.randn(5, 2, 3).requiresGrad_(true);
        m.forward(x).sum().backward();
        assertThat(x.grad()).isNotNull();
        m.namedParameters().forEach((k, p) -> assertThat(p.grad()).as(k).isNotNull());
    }
}
