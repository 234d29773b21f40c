package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.RealTorch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClipGradTest {
    static final double[] G1 = {3.0, -4.0, 0.5, 2.0, -1.5, 0.25};
    static final double[] G2 = {-0.75, 6.0, 1.0, -2.5};
    static final double[] G3 = {0.125};

    /** Three parameters with gradients and one without (skipped by clipping). */
    static List<Tensor> params(DType dtype) {
        Tensor p1 = Tensor.zeros(dtype, 2, 3).requiresGrad_(true);
        Tensor p2 = Tensor.zeros(dtype, 4).requiresGrad_(true);
        Tensor p3 = Tensor.zeros(dtype, 1).requiresGrad_(true);
        Tensor none = Tensor.zeros(dtype, 5).requiresGrad_(true);
        p1.setGrad(Tensor.fromArray(G1.clone(), 2, 3).to(dtype));
        p2.setGrad(Tensor.fromArray(G2.clone(), 4).to(dtype));
        p3.setGrad(Tensor.fromArray(G3.clone(), 1).to(dtype));
        return List.of(p1, p2, none, p3);
    }

    /** {maxNorm, normType} cases: clipping, no clipping (coefficient clamped to 1), 1-, inf-, 3- and 0.5-norms. */
    static final double[][] NORM_CASES = {{1.0, 2}, {100.0, 2}, {2.5, 1}, {0.5, Double.POSITIVE_INFINITY},
        {3.0, 3}, {1.0, 0.5}};

    @Test
    void clipGradNormMatchesPyTorch() {
        RealTorch.assumeAvailable();
        StringBuilder py = new StringBuilder(String.join("\n",
                "import torch, math",
                "from torch.nn.utils import clip_grad_norm_, clip_grad_value_",
                "def params(dtype):",
                "    ps = [torch.zeros(2, 3, dtype=dtype, requires_grad=True), torch.zeros(4, dtype=dtype, requires_grad=True),",
                "          torch.zeros(5, dtype=dtype, requires_grad=True), torch.zeros(1, dtype=dtype, requires_grad=True)]",
                "    ps[0].grad = torch.tensor(" + list(G1) + ", dtype=dtype).reshape(2, 3)",
                "    ps[1].grad = torch.tensor(" + list(G2) + ", dtype=dtype)",
                "    ps[3].grad = torch.tensor(" + list(G3) + ", dtype=dtype)",
                "    return ps",
                "def show(cid, total, ps):",
                "    vals = [total.item()] + [v for p in ps if p.grad is not None for v in p.grad.flatten().tolist()]",
                "    print(cid, ' '.join(repr(float(v)) for v in vals))",
                ""));
        List<String> ids = new ArrayList<>();
        Map<String, double[]> java = new HashMap<>();
        for (DType dtype : List.of(DType.FLOAT64, DType.FLOAT32)) {
            String tdt = dtype == DType.FLOAT64 ? "torch.float64" : "torch.float32";
            for (double[] c : NORM_CASES) {
                String id = "norm_" + dtype + "_" + c[0] + "_" + c[1];
                String normType = Double.isInfinite(c[1]) ? "math.inf" : Double.toString(c[1]);
                py.append("ps = params(").append(tdt).append(")\n").append("show('").append(id)
                        .append("', clip_grad_norm_(ps, ").append(c[0]).append(", ").append(normType)
                        .append("), ps)\n");
                List<Tensor> ps = params(dtype);
                Tensor total = ClipGrad.clipGradNorm_(ps, c[0], c[1]);
                assertThat(total.dtype()).isEqualTo(dtype);
                assertThat(total.dim()).isZero();
                java.put(id, values(total, ps));
                ids.add(id);
            }
            String id = "value_" + dtype;
            py.append("ps = params(").append(tdt).append(")\nclip_grad_value_(ps, 1.75)\nshow('").append(id)
                    .append("', torch.tensor(0.), ps)\n");
            List<Tensor> ps = params(dtype);
            ClipGrad.clipGradValue_(ps, 1.75);
            java.put(id, values(Tensor.scalar(0.0), ps));
            ids.add(id);
        }
        Map<String, double[]> torch = new HashMap<>();
        for (String line : RealTorch.run(py.toString()).split("\n")) {
            String[] parts = line.split(" ", 2);
            torch.put(parts[0], Arrays.stream(parts[1].split(" ")).mapToDouble(Double::parseDouble).toArray());
        }
        for (String id : ids) {
            double[] e = torch.get(id);
            double[] a = java.get(id);
            double rtol = id.contains("float32") ? 1e-6 : 1e-12; // float32: the norms are computed in float32
            assertThat(a).as(id).hasSameSizeAs(e);
            for (int i = 0; i < e.length; i++) {
                assertThat(Math.abs(a[i] - e[i])).as("%s value %d: engine %s vs torch %s", id, i, a[i], e[i])
                        .isLessThanOrEqualTo(rtol * Math.abs(e[i]) + 1e-15);
            }
        }
    }

    private static double[] values(Tensor total, List<Tensor> ps) {
        List<Double> v = new ArrayList<>();
        v.add(total.item());
        for (Tensor p : ps) {
            if (p.grad() != null) {
                for (double d : p.grad().toDoubleArray()) {
                    v.add(d);
                }
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String list(double[] v) {
        return Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void clipsToTheMaxNormByHand() {
        // One gradient (3, 4): norm 5; maxNorm 1 scales by 1 / (5 + 1e-6).
        Tensor p = Tensor.zeros(DType.FLOAT64, 2).requiresGrad_(true);
        p.setGrad(Tensor.fromArray(new double[] {3, 4}, 2));
        Tensor total = ClipGrad.clipGradNorm_(List.of(p), 1.0);
        assertThat(total.item()).isEqualTo(5.0);
        double coef = 1.0 / (5.0 + 1e-6);
        assertThat(p.grad().toDoubleArray()).containsExactly(new double[] {3 * coef, 4 * coef},
                offset(1e-15));
        // Under the limit nothing changes (coefficient clamped to 1).
        Tensor q = Tensor.zeros(DType.FLOAT64, 2).requiresGrad_(true);
        q.setGrad(Tensor.fromArray(new double[] {0.3, -0.4}, 2));
        assertThat(ClipGrad.clipGradNorm_(List.of(q), 1.0).item()).isCloseTo(0.5, offset(1e-15));
        assertThat(q.grad().toDoubleArray()).containsExactly(0.3, -0.4);
    }

    @Test
    void noGradientsGiveZeroAndValuesClamp() {
        Tensor p = Tensor.zeros(3).requiresGrad_(true);
        assertThat(ClipGrad.clipGradNorm_(List.of(p), 1.0).item()).isZero();
        assertThat(p.grad()).isNull();
        p.setGrad(Tensor.of(-3.0, 0.5, 2.0));
        ClipGrad.clipGradValue_(List.of(p), 1.0);
        assertThat(p.grad().toDoubleArray()).containsExactly(-1.0, 0.5, 1.0);
    }

    @Test
    void badArgumentsAreNamed() {
        Tensor p = Tensor.zeros(2).requiresGrad_(true);
        p.setGrad(Tensor.of(Double.NaN, 1.0));
        assertThatThrownBy(() -> ClipGrad.clipGradNorm_(List.of(p), -1.0))
                .hasMessage("clipGradNorm_: maxNorm must be >= 0, got -1.0");
        assertThatThrownBy(() -> ClipGrad.clipGradValue_(List.of(p), -0.5))
                .hasMessage("clipGradValue_: clipValue must be >= 0, got -0.5");
        assertThatThrownBy(() -> ClipGrad.clipGradNorm_(List.of(p), 1.0, 2.0, true))
                .hasMessageStartingWith("clipGradNorm_: the total norm of order 2.0 for gradients from `parameters` is "
                        + "non-finite (NaN)");
    }
}
