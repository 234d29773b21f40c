package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class TolerancePolicyTest {

    @Test
    void defaultsPerDtype() {
        TolerancePolicy p = TolerancePolicy.defaults();
        assertThat(p.forTensor("y", DType.FLOAT32)).isEqualTo(new Tolerance(1e-5, 1e-5, "default for float32"));
        assertThat(p.forTensor("y", DType.FLOAT64)).isEqualTo(new Tolerance(1e-10, 1e-10, "default for float64"));
        for (DType exact : new DType[] {DType.INT32, DType.INT64, DType.BOOL}) {
            assertThat(p.forTensor("y", exact).isExact()).as(exact.toString()).isTrue();
        }
    }

    @Test
    void everyOverrideNeedsAWrittenReason() {
        TolerancePolicy p = TolerancePolicy.defaults();
        for (String blank : new String[] {null, "", "   \t"}) {
            assertThatThrownBy(() -> p.caseOverride(1e-4, 1e-4, blank))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a written reason");
            assertThatThrownBy(() -> p.dtypeOverride(DType.FLOAT32, 1e-4, 1e-4, blank))
                    .hasMessageContaining("dtype float32").hasMessageContaining("needs a written reason");
            assertThatThrownBy(() -> p.tensorOverride("logits", 1e-4, 1e-4, blank))
                    .hasMessageContaining("'logits'").hasMessageContaining("needs a written reason");
            assertThatThrownBy(() -> Parity.named("c").tolerance(1e-4, 1e-4, blank))
                    .hasMessageContaining("needs a written reason");
            assertThatThrownBy(() -> Parity.named("c").tolerance("y", 1e-4, 1e-4, blank))
                    .hasMessageContaining("needs a written reason");
            assertThatThrownBy(() -> new Tolerance(1e-4, 1e-4, blank)).hasMessageContaining("written reason");
        }
    }

    @Test
    void negativeOrNonFiniteTolerancesAreRefused() {
        assertThatThrownBy(() -> new Tolerance(-1e-5, 0, "r")).hasMessageContaining("atol=-1.0E-5");
        assertThatThrownBy(() -> new Tolerance(0, Double.NaN, "r")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new Tolerance(Double.POSITIVE_INFINITY, 0, "r")).hasMessageContaining("finite");
    }

    @Test
    void mostSpecificOverrideWins() {
        TolerancePolicy p = TolerancePolicy.defaults()
                .caseOverride(1e-3, 1e-3, "case")
                .dtypeOverride(DType.FLOAT64, 1e-8, 0, "f64")
                .tensorOverride("logits", 1e-2, 0, "logits: softmax of large values");
        assertThat(p.forTensor("logits", DType.FLOAT32).reason()).isEqualTo("logits: softmax of large values");
        assertThat(p.forTensor("logits", DType.FLOAT64).reason()).isEqualTo("logits: softmax of large values");
        assertThat(p.forTensor("h", DType.FLOAT64).reason()).isEqualTo("f64");
        assertThat(p.forTensor("h", DType.FLOAT32).reason()).isEqualTo("case");
        // The case override is for floats: integers stay exact.
        assertThat(p.forTensor("idx", DType.INT64).isExact()).isTrue();
        assertThat(p.overriddenTensors()).containsExactly("logits");
    }

    @Test
    void theToleranceUsedAndItsReasonAreInTheResult() {
        ParityResult r = Parity.named("c")
                .tolerance("y", 1e-3, 0, "summed over 10^6 terms in another order")
                .tf(in -> Map.of("y", TFloat32.vectorOf(1f), "z", TFloat32.vectorOf(1f)))
                .engine(EngineSide.of(in -> Map.of("y", Tensor.of(1.0005f), "z", Tensor.of(1.0005f))))
                .run();
        assertThatParity(r).tensor("y").passes();
        assertThatParity(r).tensor("z").fails();
        assertThat(r.tensor("y").get().tolerance().describe())
                .isEqualTo("atol=1.0e-03 rtol=0.0e+00 (summed over 10^6 terms in another order)");
        assertThat(r.tensor("z").get().describe()).contains("(default for float32)");
    }
}
