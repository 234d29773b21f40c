package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterDictTest {

    static final class Scoped extends Module {
        final ParameterDict conv1 = registerModule("conv1", new ParameterDict());
        final Tensor kernel = conv1.put("kernel", Tensor.ones(2, 3));
        final Tensor bias = conv1.put("bias", Tensor.zeros(2));

        @Override
        public Tensor forward(Tensor x) {
            return x.matmul(kernel.t()).add(bias);
        }
    }

    @Test
    void parametersGetDottedStateDictKeysThroughTheDict() {
        Scoped m = new Scoped();
        assertThat(m.stateDict().keySet()).containsExactly("conv1.kernel", "conv1.bias");
        assertThat(m.kernel.requiresGrad()).isTrue();
        assertThat(m.conv1.get("bias")).isSameAs(m.bias);
        assertThat(m.conv1.keys()).containsExactly("kernel", "bias");
        assertThat(m.conv1.size()).isEqualTo(2);
        assertThat(m.loadStateDict(Map.of("conv1.kernel", Tensor.full(2, 2, 3), "conv1.bias", Tensor.ones(2)), true)
                .isClean()).isTrue();
        assertThat(m.kernel.toFloatArray()).containsOnly(2f);
        assertThat(new ParameterDict(Map.of("w", Tensor.ones(1))).keys()).containsExactly("w");
    }

    @Test
    void errorsNameTheKeyAndForwardIsRefused() {
        ParameterDict d = new ParameterDict();
        assertThatThrownBy(() -> d.get("w")).hasMessage("ParameterDict: no parameter named 'w' (have [])");
        assertThatThrownBy(() -> d.put("a.b", Tensor.ones(1))).hasMessageContaining("contain no '.'");
        assertThatThrownBy(() -> d.put("w", null)).hasMessageContaining("the value is null");
        assertThatThrownBy(() -> d.forward(Tensor.ones(1))).hasMessageContaining("has no forward()");
    }
}
