package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The comparison rules, with fixed TF tensors (real TF-Java tensors, no graph) against fixed engine
 * tensors: NaN/Inf masks, shapes, dtypes, missing names, order, sign, tolerance edges, both layouts.
 */
class ComparisonTest {
    static final float NAN = Float.NaN;
    static final float INF = Float.POSITIVE_INFINITY;

    private static ParityResult compare(Supplier<org.tensorflow.Tensor> tf, Tensor engine) {
        return compare(Parity.named("c"), tf, engine);
    }

    private static ParityResult compare(Parity.Builder b, Supplier<org.tensorflow.Tensor> tf, Tensor engine) {
        return b.tf(in -> Map.of("y", tf.get())).engine(EngineSide.of(in -> Map.of("y", engine))).run();
    }

    private static TensorComparison y(ParityResult r) {
        return r.tensor("y").orElseThrow();
    }

    @Test
    void nanOnOneSideOnlyIsAMismatchWhateverTheTolerance() {
        ParityResult r = compare(Parity.named("c").tolerance(1e30, 1e30, "huge on purpose: masks ignore tolerance"),
                () -> TFloat32.vectorOf(1, NAN, 3), Tensor.of(1f, 2f, 3f));
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.VALUES).hasMismatchCount(1)
                .hasWorstEngineIndex(1);
        assertThat(y(r).nanInfMismatchCount()).isEqualTo(1);
        assertThat(y(r).maxAbsError()).isInfinite();
        assertThat(y(r).worst().nanInfMismatch()).isTrue();
        assertThat(y(r).worst().tfText()).isEqualTo("NaN");
        assertThat(y(r).worst().engineText()).isEqualTo("2.0");
    }

    @Test
    void aNumberOnTfAgainstNanOnTheEngineIsAMismatchToo() {
        ParityResult r = compare(() -> TFloat32.vectorOf(1, 2, 3), Tensor.of(1f, NAN, 3f));
        assertThat(y(r).nanInfMismatchCount()).isEqualTo(1);
        assertThatParity(r).fails();
    }

    @Test
    void infinitiesMustHaveTheSameSign() {
        ParityResult r = compare(() -> TFloat32.vectorOf(INF, -INF, 0), Tensor.of(INF, INF, 0f));
        assertThatParity(r).tensor("y").hasMismatchCount(1).hasWorstEngineIndex(1);
        assertThat(y(r).detail()).contains("NaN/Inf mask");
        ParityResult infVsNan = compare(() -> TFloat32.vectorOf(INF), Tensor.of(NAN));
        assertThatParity(infVsNan).fails();
    }

    @Test
    void matchingNanAndInfPass() {
        ParityResult r = compare(() -> TFloat32.vectorOf(NAN, INF, -INF, 1.5f), Tensor.of(NAN, INF, -INF, 1.5f));
        assertThatParity(r).passes();
        assertThat(y(r).maxAbsError()).isZero();
    }

    @Test
    void shapesMustMatchExactlyAndAreNeverBroadcast() {
        ParityResult r = compare(() -> TFloat32.tensorOf(Shape.of(1, 3), DataBuffers.of(1f, 2f, 3f)),
                Tensor.of(1f, 2f, 3f));
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.SHAPE);
        assertThat(y(r).detail()).contains("TF [1, 3]", "engine [3]", "not broadcast");
        assertThat(y(r).maxAbsError()).isNaN();
        assertThat(y(r).numel()).isZero();
        // Same number of elements, other shape: still a shape mismatch, not a reshape.
        ParityResult transposed = compare(() -> TFloat32.tensorOf(Shape.of(2, 3), DataBuffers.of(1f, 2, 3, 4, 5, 6)),
                Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        assertThatParity(transposed).tensor("y").hasStatus(TensorComparison.Status.SHAPE);
    }

    @Test
    void dtypesMustMatchExactly() {
        ParityResult r = compare(() -> TInt32.vectorOf(1, 2, 3), Tensor.of(1L, 2L, 3L));
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.DTYPE);
        assertThat(y(r).detail()).contains("TF int32", "engine int64");
        ParityResult f = compare(() -> TFloat64.vectorOf(1, 2), Tensor.of(1f, 2f));
        assertThat(Tensor.of(1f, 2f).dtype()).isEqualTo(DType.FLOAT32);
        assertThatParity(f).tensor("y").hasStatus(TensorComparison.Status.DTYPE);
    }

    @Test
    void aNameOnOneSideOnlyFailsAsMissing() {
        ParityResult r = Parity.named("c")
                .tf(in -> Map.of("y", TFloat32.vectorOf(1), "extra", TFloat32.vectorOf(2)))
                .engine(EngineSide.of(in -> Map.of("y", Tensor.of(1f), "other", Tensor.of(2f))))
                .run();
        assertThatParity(r).tensor("extra").hasStatus(TensorComparison.Status.MISSING_ON_ENGINE);
        assertThatParity(r).tensor("other").hasStatus(TensorComparison.Status.MISSING_ON_TF);
        assertThatParity(r).tensor("y").passes();
    }

    @Test
    void elementsAreComparedInPlaceNeverSorted() {
        // Same multiset of values, other order: a sorted comparison (MMdnn) would pass this.
        ParityResult r = compare(() -> TFloat32.vectorOf(1, 2, 3, 4), Tensor.of(4f, 3f, 2f, 1f));
        assertThatParity(r).tensor("y").hasMismatchCount(4);
    }

    @Test
    void errorsAreAbsoluteNeverSigned() {
        // engine < tf everywhere: a signed max(tf - engine)... or max(engine - tf) would be negative and "pass".
        ParityResult below = compare(() -> TFloat32.vectorOf(1, 2, 3), Tensor.of(0.5f, 1.5f, 2.5f));
        assertThatParity(below).tensor("y").hasMismatchCount(3);
        assertThat(y(below).maxAbsError()).isEqualTo(0.5);
        ParityResult above = compare(() -> TFloat32.vectorOf(1, 2, 3), Tensor.of(1.5f, 2.5f, 3.5f));
        assertThat(y(above).maxAbsError()).isEqualTo(0.5);
    }

    private static Tensor f64(double... v) {
        return Tensor.fromArray(v, v.length);
    }

    @Test
    void toleranceIsAtolPlusRtolTimesTheTfValue() {
        // Binary fractions so the edges are exact: |e - t| <= 0.25 + 0.5 * |t|.
        Parity.Builder b = Parity.named("c").tolerance(0.25, 0.5, "edge test");
        ParityResult atEdge = compare(b, () -> TFloat64.vectorOf(4, 0), f64(6.25, -0.25));
        assertThatParity(atEdge).passes();
        ParityResult over = compare(b, () -> TFloat64.vectorOf(4, 0), f64(Math.nextUp(6.25), Math.nextDown(-0.25)));
        assertThatParity(over).tensor("y").hasMismatchCount(2);
        // TF is the reference: the same pair passes or fails depending on which side holds which value.
        assertThatParity(compare(b, () -> TFloat64.vectorOf(4), f64(6.5))).fails();
        assertThatParity(compare(b, () -> TFloat64.vectorOf(6.5), f64(4))).passes();
    }

    @Test
    void float32DefaultIsOneEMinusFiveAbsAndRel() {
        ParityResult ok = compare(() -> TFloat32.vectorOf(1f), Tensor.of(1f + 1.5e-5f));
        assertThatParity(ok).passes();
        ParityResult bad = compare(() -> TFloat32.vectorOf(1f), Tensor.of(1f + 2.5e-5f));
        assertThatParity(bad).fails();
        assertThat(y(bad).tolerance().reason()).isEqualTo("default for float32");
    }

    @Test
    void integersAreExact() {
        ParityResult r = compare(() -> TInt64.vectorOf(5, 1L << 60, 7), Tensor.of(5L, (1L << 60) + 1, 7L));
        assertThatParity(r).tensor("y").hasMismatchCount(1).hasWorstEngineIndex(1);
        assertThat(y(r).worst().tfText()).isEqualTo(Long.toString(1L << 60));
        assertThat(y(r).worst().engineText()).isEqualTo(Long.toString((1L << 60) + 1));
        assertThat(y(r).tolerance().isExact()).isTrue();
    }

    @Test
    void boolsAreExact() {
        ParityResult r = Parity.named("c")
                .tf(in -> Map.of("m", org.tensorflow.types.TBool.vectorOf(true, false)))
                .engine(EngineSide.of(in -> Map.of("m", Tensor.of(true, true))))
                .run();
        assertThatParity(r).tensor("m").hasMismatchCount(1).hasWorstEngineIndex(1);
        assertThat(r.tensor("m").get().worst().engineText()).isEqualTo("true");
    }

    @Test
    void worstElementIsTheOneFurthestOutsideItsToleranceNotTheLargestError() {
        // Index 0: error 0.01 on a value of 1000 (within rtol); index 2: error 0.001 on 0 (outside atol).
        ParityResult r = compare(Parity.named("c").tolerance(1e-4, 1e-4, "test"),
                () -> TFloat64.vectorOf(1000, 1, 0), f64(1000.01, 1.0, 0.001));
        assertThatParity(r).tensor("y").hasMismatchCount(1).hasWorstEngineIndex(2);
        assertThat(y(r).maxAbsError()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(y(r).maxRelError()).isInfinite();
    }

    @Test
    void worstElementIsLocatedInBothLayouts() {
        // TF NHWC [1, 2, 3, 4] holding 0..23; the engine returns the same values NCHW [1, 4, 2, 3]
        // except at engine [0, 3, 1, 0] = TF [0, 1, 0, 3].
        float[] nhwc = new float[24];
        for (int i = 0; i < 24; i++) {
            nhwc[i] = i;
        }
        float[] nchw = new float[24];
        for (int c = 0; c < 4; c++) {
            for (int h = 0; h < 2; h++) {
                for (int w = 0; w < 3; w++) {
                    nchw[(c * 2 + h) * 3 + w] = nhwc[(h * 3 + w) * 4 + c];
                }
            }
        }
        int engineFlat = (3 * 2 + 1) * 3 + 0;
        nchw[engineFlat] += 0.5f;
        ParityResult r = compare(Parity.named("c").layout("y", Layout.NHWC_NCHW),
                () -> TFloat32.tensorOf(Shape.of(1, 2, 3, 4), DataBuffers.of(nhwc, true, false)),
                Tensor.fromArray(nchw, 1, 4, 2, 3));
        assertThatParity(r).tensor("y").hasMismatchCount(1).hasWorstEngineIndex(0, 3, 1, 0).hasWorstTfIndex(0, 1, 0, 3);
        TensorComparison.Element w = y(r).worst();
        assertThat(w.engineFlatIndex()).isEqualTo(engineFlat);
        assertThat(w.tfFlatIndex()).isEqualTo((1 * 3 + 0) * 4 + 3);
        assertThat(w.tfValue()).isEqualTo(15.0);
        assertThat(w.engineValue()).isEqualTo(15.5);
        assertThat(y(r).describe()).contains("NHWC<->NCHW (engine = tf.permute(0, 3, 1, 2))");
    }

    @Test
    void aWrongLayoutIsCaughtEvenWhenTheShapesHappenToAgree() {
        // [1, 3, 3, 3]: NHWC and NCHW have the same shape, so only the values can tell.
        ParityResult r = Parity.named("square")
                .input("x", Input.float32(1, 3, 3, 3).layout(Layout.NHWC_NCHW))
                .tf(in -> Map.of("y", in.get("x")))
                .engine(EngineSide.of(in -> Map.of("y", in.get("x"))))
                .run();
        assertThatParity(r).tensor("y").hasStatus(TensorComparison.Status.VALUES);
        ParityResult right = Parity.named("square")
                .input("x", Input.float32(1, 3, 3, 3).layout(Layout.NHWC_NCHW))
                .layout("y", Layout.NHWC_NCHW)
                .tf(in -> Map.of("y", in.get("x")))
                .engine(EngineSide.of(in -> Map.of("y", in.get("x"))))
                .run();
        assertThatParity(right).passes();
    }

    @Test
    void unsupportedTfDtypesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Parity.named("c")
                .tf(in -> Map.of("s", org.tensorflow.types.TString.scalarOf("x")))
                .engine(EngineSide.of(in -> Map.of("s", Tensor.of(1f))))
                .run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s'").hasMessageContaining("DT_STRING");
    }

    @Test
    void gradientsNeedAScalarAndKnownTargets() {
        assertThatThrownBy(() -> Parity.named("c").input("x", Input.float32(2)).gradients("loss", "w")
                .tf(in -> Map.of()).engine(EngineSide.of(in -> Map.of())).build())
                .hasMessageContaining("'w' is neither an input");
        assertThatThrownBy(() -> Parity.named("c").input("i", Input.int64(2)).gradients("loss", "i")
                .tf(in -> Map.of()).engine(EngineSide.of(in -> Map.of())).build())
                .hasMessageContaining("int64 input");
        assertThatThrownBy(() -> Parity.named("c").input("x", Input.float32(2)).gradients("loss", "x")
                .tf(in -> Map.of())
                .engine(EngineSide.of(in -> Map.of("loss", in.get("x").mul(2.0))))
                .run())
                .hasMessageContaining("'loss' must be a scalar").hasMessageContaining("[2]");
    }

    @Test
    void gradientsWithRespectToEngineParametersInheritTheirDeclaredLayout() {
        // A Linear-style weight [out, in] on the engine against a Dense kernel [in, out] on TF.
        Tensor weight = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad_(true);
        ParityResult r = Parity.named("dense")
                .input("x", Input.float32(4, 3))
                .layout("weight", Layout.IO_OI)
                .gradients("loss", "weight")
                .tf(in -> {
                    // d sum(x @ k) / dk = x^T @ ones: computed here by hand from the fed x.
                    float[] x = new float[12];
                    in.get("x").asRawTensor().data().asFloats().read(x);
                    float[] g = new float[6];
                    for (int i = 0; i < 3; i++) {
                        for (int o = 0; o < 2; o++) {
                            for (int n = 0; n < 4; n++) {
                                g[i * 2 + o] += x[n * 3 + i];
                            }
                        }
                    }
                    float loss = 0;
                    for (int n = 0; n < 4; n++) {
                        for (int i = 0; i < 3; i++) {
                            loss += x[n * 3 + i] * (1 + 4 + i * 2) ;
                        }
                    }
                    return Map.of("loss", TFloat32.scalarOf(loss),
                            "dloss/dweight", TFloat32.tensorOf(Shape.of(3, 2), DataBuffers.of(g, true, false)));
                })
                .engine(EngineSide.of(in -> Map.of("loss", in.get("x").matmul(weight.t()).sum()))
                        .withParameters(Map.of("weight", weight)))
                .run();
        assertThatParity(r).passes();
        assertThat(r.tensor("dloss/dweight").get().layout()).isEqualTo(Layout.IO_OI);
        assertThat(r.tensor("dloss/dweight").get().engineShape()).containsExactly(2, 3);
        assertThat(r.tensor("dloss/dweight").get().tfShape()).containsExactly(3, 2);
        assertThat(DType.FLOAT32).isEqualTo(r.tensor("loss").get().engineDType());
    }
}
