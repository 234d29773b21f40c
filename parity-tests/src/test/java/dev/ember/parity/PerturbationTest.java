package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The harness finds real bugs: a deliberate perturbation of one engine layer (or output) at one
 * index is reported on that tensor, localised to that layer first, at exactly that index.
 */
class PerturbationTest {
    private static TfGraphSide mlp;
    private static TfGraphSide conv;

    @BeforeAll
    static void buildGraphs() {
        mlp = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 4, 5);
            var w1 = b.placeholder("w1", TFloat32.class, 5, 6);
            var w2 = b.placeholder("w2", TFloat32.class, 6, 7);
            var w3 = b.placeholder("w3", TFloat32.class, 7, 3);
            var fc1 = tf.math.tanh(tf.linalg.matMul(x, w1));
            var fc2 = tf.math.tanh(tf.linalg.matMul(fc1, w2));
            var logits = tf.linalg.matMul(fc2, w3);
            var loss = tf.reduceSum(tf.math.square(logits), tf.constant(new int[] {0, 1}));
            b.intermediate("fc1", fc1).intermediate("fc2", fc2).intermediate("logits", logits);
            b.output("logits", logits).output("loss", loss).gradients("loss", loss, "w1", "w2", "w3");
        });
        conv = TfGraphSide.build(b -> {
            Ops tf = b.tf();
            var x = b.placeholder("x", TFloat32.class, 2, 5, 5, 3);
            var k = b.placeholder("k", TFloat32.class, 2, 2, 3, 4);
            var c1 = tf.nn.conv2d(x, k, List.of(1L, 1L, 1L, 1L), "VALID");
            var act = tf.math.tanh(c1);
            b.intermediate("conv", c1).intermediate("act", act).output("y", act);
        });
    }

    @AfterAll
    static void close() {
        mlp.close();
        conv.close();
    }

    private static final EngineSide MLP = EngineSide.traced((in, trace) -> {
        Tensor fc1 = trace.record("fc1", in.get("x").matmul(in.get("w1")).tanh());
        Tensor fc2 = trace.record("fc2", fc1.matmul(in.get("w2")).tanh());
        Tensor logits = trace.record("logits", fc2.matmul(in.get("w3")));
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("logits", logits);
        out.put("loss", logits.square().sum());
        return out;
    });

    private static Parity.Builder mlpCase(EngineSide engine) {
        return Parity.named("mlp").seed(21)
                .input("x", Input.float32(4, 5).normal(0, 1))
                .input("w1", Input.float32(5, 6).uniform(-0.5, 0.5))
                .input("w2", Input.float32(6, 7).uniform(-0.5, 0.5))
                .input("w3", Input.float32(7, 3).uniform(-0.5, 0.5))
                .gradients("loss", "w1", "w2", "w3")
                .tf(mlp)
                .engine(engine);
    }

    @Test
    void unperturbedMlpPassesAndIsNotLocalised() {
        ParityResult r = mlpCase(MLP).run();
        assertThatParity(r).passes();
        assertThat(r.localisation()).isEmpty();
    }

    @Test
    void perturbedMiddleLayerIsTheFirstDivergingLayerAtTheExactIndex() {
        // fc2 is [4, 7]; flat 17 = [2, 3].
        ParityResult r = mlpCase(Perturbation.add(MLP, "fc2", 17, 1e-3)).run();
        assertThatParity(r).fails().firstDivergingLayerIs("fc2");
        assertThatParity(r).intermediate("fc1").passes();
        assertThatParity(r).intermediate("fc2").fails().hasMismatchCount(1).hasWorstEngineIndex(2, 3)
                .hasWorstTfIndex(2, 3);
        TensorComparison fc2 = r.localisation().get().firstDivergingLayer().get();
        assertThat(fc2.worst().engineFlatIndex()).isEqualTo(17);
        assertThat(fc2.worst().absError()).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-6));
        // The error flows downstream like a real bug: the output row 2 and the gradients fail too.
        assertThatParity(r).tensor("logits").fails();
        assertThat(r.tensor("logits").get().worst().engineIndex()[0]).isEqualTo(2);
        assertThatParity(r).tensor("dloss/dw3").fails();
        assertThatParity(r).tensor("dloss/dw1").fails();
        assertThat(r.describe()).contains("first diverging layer: fc2 (layer 2 of 3)", "seed 21");
    }

    @Test
    void perturbedFirstLayerIsFoundFirstEvenThoughEveryLaterLayerAlsoFails() {
        ParityResult r = mlpCase(Perturbation.add(MLP, "fc1", 0, 1e-3)).run();
        assertThatParity(r).firstDivergingLayerIs("fc1");
        assertThatParity(r).intermediate("fc1").hasWorstEngineIndex(0, 0);
        assertThatParity(r).intermediate("fc2").fails();
    }

    @Test
    void aPerturbationBelowTheToleranceIsNotReported() {
        // 1e-7 is under atol 1e-5: the harness must not cry wolf either.
        assertThatParity(mlpCase(Perturbation.add(MLP, "fc2", 17, 1e-7)).run()).passes();
    }

    @Test
    void intermediatesOnlyOneSideHasAreListedNotCompared() {
        EngineSide renamed = EngineSide.traced((in, trace) -> {
            Tensor fc1 = trace.record("fc_1", in.get("x").matmul(in.get("w1")).tanh());
            Tensor fc2 = trace.record("fc2", fc1.matmul(in.get("w2")).tanh().add(1e-3));
            Tensor logits = fc2.matmul(in.get("w3"));
            return Map.of("logits", logits, "loss", logits.square().sum());
        });
        Localisation loc = mlpCase(renamed).run().localisation().orElseThrow();
        assertThat(loc.layers()).extracting(TensorComparison::name).containsExactly("fc2");
        assertThat(loc.engineOnly()).containsExactly("fc_1");
        assertThat(loc.tfOnly()).containsExactly("fc1", "logits");
        assertThat(loc.firstDivergingLayer().get().name()).isEqualTo("fc2");
        assertThat(loc.describe()).contains("engine only: [fc_1]", "TF only: [fc1, logits]");
    }

    private static final EngineSide CONV = EngineSide.traced((in, trace) -> {
        Tensor c = trace.record("conv", EngineConv.conv2dValid(in.get("x"), in.get("k")));
        return Map.of("y", trace.record("act", c.tanh()));
    });

    @Test
    void perturbedNchwOutputIsReportedAtItsIndexInBothLayouts() {
        // y is [2, 4, 4, 4] NCHW on the engine; engine [1, 2, 0, 3] is TF NHWC [1, 0, 3, 2].
        long flat = HostTensor.flat(new long[] {1, 2, 0, 3}, HostTensor.strides(new long[] {2, 4, 4, 4}));
        ParityResult r = Parity.named("conv_perturbed").seed(4)
                .input("x", Input.float32(2, 5, 5, 3).normal(0, 1).layout(Layout.NHWC_NCHW))
                .input("k", Input.float32(2, 2, 3, 4).uniform(-0.4, 0.4).layout(Layout.HWIO_OIHW))
                .layout("y", Layout.NHWC_NCHW).layout("conv", Layout.NHWC_NCHW).layout("act", Layout.NHWC_NCHW)
                .tf(conv)
                .engine(Perturbation.add(CONV, "conv", flat, 5e-3))
                .run();
        assertThatParity(r).tensor("y").fails().hasMismatchCount(1).hasWorstEngineIndex(1, 2, 0, 3)
                .hasWorstTfIndex(1, 0, 3, 2);
        TensorComparison.Element worst = r.tensor("y").get().worst();
        assertThat(worst.engineFlatIndex()).isEqualTo(flat);
        assertThat(worst.tfFlatIndex()).isEqualTo(HostTensor.flat(new long[] {1, 0, 3, 2},
                HostTensor.strides(new long[] {2, 4, 4, 4})));
        assertThatParity(r).firstDivergingLayerIs("conv");
        assertThatParity(r).intermediate("conv").hasWorstEngineIndex(1, 2, 0, 3).hasWorstTfIndex(1, 0, 3, 2);
    }
}
