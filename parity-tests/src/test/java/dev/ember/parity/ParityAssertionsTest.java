package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class ParityAssertionsTest {

    private static ParityResult twoFailures() {
        return Parity.named("c").seed(99)
                .tf(in -> {
                    Map<String, org.tensorflow.Tensor> m = new LinkedHashMap<>();
                    m.put("ok", TFloat32.vectorOf(1f));
                    m.put("y", TFloat32.vectorOf(1f, 2f, 3f));
                    m.put("z", TFloat32.vectorOf(0f));
                    return m;
                })
                .engine(EngineSide.of(in -> {
                    Map<String, Tensor> m = new LinkedHashMap<>();
                    m.put("ok", Tensor.of(1f));
                    m.put("y", Tensor.of(1f, 2.5f, 3f));
                    m.put("z", Tensor.of(Float.NaN));
                    return m;
                }))
                .run();
    }

    @Test
    void passesNamesEveryFailingTensorWithPathWorstIndexValuesAndSeed() {
        ParityResult r = twoFailures();
        assertThatThrownBy(() -> assertThatParity(r).passes())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("parity case 'c' (seed 99): 2 of 3 tensors fail")
                .hasMessageContaining("c.outputs[y]: VALUES")
                .hasMessageContaining("worst at engine [1] (flat 1) = 2.5 vs TF [1] (flat 1) = 2.0")
                .hasMessageContaining("max abs 5.000e-01")
                .hasMessageContaining("(default for float32)")
                .hasMessageContaining("c.outputs[z]: VALUES")
                .hasMessageContaining("1 NaN/Inf mask mismatches")
                .hasMessageContaining("= NaN vs TF [0] (flat 0) = 0.0")
                .hasMessageNotContaining("c.outputs[ok]");
    }

    @Test
    void tensorAssertions() {
        ParityResult r = twoFailures();
        assertThatParity(r).tensor("ok").passes().hasMaxAbsErrorBelow(1e-4);
        assertThatParity(r).tensor("y").fails().hasMaxAbsErrorBelow(0.51).hasWorstEngineIndex(1).hasWorstTfIndex(1);
        assertThatThrownBy(() -> assertThatParity(r).tensor("y").hasMaxAbsErrorBelow(1e-4))
                .hasMessageContaining("expected max abs error of c.outputs[y] below 1.0E-4, got 5.000e-01")
                .hasMessageContaining("(seed 99)");
        assertThatThrownBy(() -> assertThatParity(r).tensor("z").hasMaxAbsErrorBelow(1e30))
                .hasMessageContaining("got inf");
        assertThatThrownBy(() -> assertThatParity(r).tensor("logits"))
                .hasMessageContaining("has no tensor 'logits'").hasMessageContaining("[ok, y, z]");
        assertThatThrownBy(() -> assertThatParity(r).tensor("y").hasWorstEngineIndex(2))
                .hasMessageContaining("expected the worst element of c.outputs[y] at engine index [2], got [1]");
        assertThatThrownBy(() -> assertThatParity(r).firstDivergingLayerIs("fc1"))
                .hasMessageContaining("compared no intermediates");
    }

    @Test
    void failsOnAPassingCaseIsItselfAFailure() {
        ParityResult ok = Parity.named("ok").tf(in -> Map.of("y", TFloat32.vectorOf(1f)))
                .engine(EngineSide.of(in -> Map.of("y", Tensor.of(1f)))).run();
        assertThatParity(ok).passes();
        assertThatThrownBy(() -> assertThatParity(ok).fails()).hasMessageContaining("expected parity case 'ok'")
                .hasMessageContaining("but it passed");
        assertThatThrownBy(() -> assertThatParity(ok).tensor("y").fails()).hasMessageContaining("but it passed");
    }
}
