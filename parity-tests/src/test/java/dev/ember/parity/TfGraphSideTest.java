package dev.ember.parity;

import static dev.ember.parity.ParityAssertions.assertThatParity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@link TfGraphSide}'s handling of tensors named twice, on the real runtime. */
class TfGraphSideTest {

    @Test
    void oneTfTensorUnderTwoNamesGivesBothItsGradient() {
        // TF: y = x + b. Engine: y = x + b_ih + b_hh, as an LSTM's one TF bias becomes two engine biases.
        try (TfGraphSide tf = TfGraphSide.build(b -> {
            Ops ops = b.tf();
            var x = b.placeholder("x", TFloat32.class, 2, 3);
            var bias = ops.constant(new float[] {0.5f, -1f, 2f});
            var y = ops.math.add(x, bias);
            var loss = ops.reduceSum(ops.math.mul(y, y), ops.constant(new int[] {0, 1}));
            b.parameter("b@ih", bias).parameter("b@hh", bias);
            b.output("y", y).output("y again", y).output("loss", loss).gradients("loss", loss, "x", "b@ih", "b@hh");
        })) {
            Tensor ih = Tensor.of(0.5f, -1f, 2f).requiresGrad_(true);
            Tensor hh = Tensor.zeros(3).requiresGrad_(true);
            ParityResult r = Parity.named("two names").input("x", Input.float32(2, 3)).gradients("loss", "x", "b@ih", "b@hh")
                    .tf(tf)
                    .engine(EngineSide.of(in -> {
                        Tensor y = in.get("x").add(ih).add(hh);
                        return Map.of("y", y, "y again", y, "loss", y.mul(y).sum());
                    }).withParameters(Map.of("b@ih", ih, "b@hh", hh)))
                    .run();
            assertThatParity(r).passes();
            assertThat(r.tensor("dloss/db@hh").orElseThrow().maxAbsError()).isLessThan(1e-5);
            assertThat(r.tensor("y again")).isPresent();
        }
    }

    @Test
    void aGradientTargetTheScalarDoesNotDependOnIsRefusedNamingTheTargets() {
        assertThatThrownBy(() -> TfGraphSide.build(b -> {
            Ops ops = b.tf();
            var x = b.placeholder("x", TFloat32.class, 2);
            b.parameter("unused", ops.constant(new float[] {1f, 2f}));
            var loss = ops.reduceSum(x, ops.constant(0));
            b.output("loss", loss).gradients("loss", loss, "x", "unused");
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unused")
                .hasMessageContaining("'loss'").hasMessageContaining("unreachable");
    }
}
