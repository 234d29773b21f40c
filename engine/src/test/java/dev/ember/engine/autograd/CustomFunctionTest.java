package dev.ember.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Custom autograd functions, with the XNOR-net binarisation as the worked example. */
class CustomFunctionTest {

    /** XNOR-net: sign in forward, straight-through estimator clipped to |x| <= 1 in backward. */
    static final class BinarizeSign extends Function {
        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            Tensor x = in[0];
            ctx.saveForBackward(x);
            return outputs(Tensor.where(x.ge(0.0), Tensor.onesLike(x), Tensor.onesLike(x).neg()));
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... grads) {
            Tensor x = ctx.savedTensors()[0];
            Tensor inside = x.ge(-1.0).to(x.dtype()).mul(x.le(1.0).to(x.dtype()));
            return outputs(grads[0].mul(inside));
        }
    }

    @Test
    void signForwardClippedStraightThroughBackward() {
        Tensor x = Tensor.fromArray(new double[] {-2, -0.5, 0.3, 1.5}, 4).requiresGrad_(true);
        Tensor y = new BinarizeSign().apply(x);
        assertThat(y.toDoubleArray()).containsExactly(-1, -1, 1, 1);
        assertThat(y.gradFn().name()).isEqualTo("BinarizeSignBackward");
        y.mul(Tensor.fromArray(new double[] {1, 2, 3, 4}, 4)).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(0, 2, 3, 0);
    }

    @Test
    void worksInsideALargerGraph() {
        Tensor w = Tensor.fromArray(new double[] {0.5, -0.2}, 2).requiresGrad_(true);
        Tensor x = Tensor.fromArray(new double[] {3, 4}, 2);
        Tensor out = new BinarizeSign().apply(w.mul(2.0)).mul(x).sum();   // sign(2w) . x
        out.backward();
        // d/dw = x * 2 * [|2w| <= 1] = {3*2*1, 4*2*1}
        assertThat(w.grad().toDoubleArray()).containsExactly(6, 8);
    }

    static final class ScaleBoth extends Function {
        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            ctx.put("factor", 3.0);
            ctx.saveForBackward(in[0], in[1]);
            return outputs(in[0].mul(in[1]).mul(3.0), in[0].add(in[1]));
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            double f = ctx.get("factor");
            Tensor[] s = ctx.savedTensors();
            Tensor ga = ctx.needsInputGrad(0) ? g[0].mul(s[1]).mul(f).add(g[1]) : null;
            Tensor gb = ctx.needsInputGrad(1) ? g[0].mul(s[0]).mul(f).add(g[1]) : null;
            return outputs(ga, gb);
        }
    }

    @Test
    void severalOutputsAndNeedsInputGrad() {
        Tensor a = Tensor.fromArray(new double[] {2}, 1).requiresGrad_(true);
        Tensor b = Tensor.fromArray(new double[] {5}, 1);
        Tensor[] out = new ScaleBoth().applyAll(a, b);
        assertThat(out[0].item()).isEqualTo(30);
        assertThat(out[1].item()).isEqualTo(7);
        out[0].add(out[1]).sum().backward();
        assertThat(a.grad().item()).isEqualTo(16);   // 3*5 + 1
        // Only the first output used: the second one's gradient is materialised as zeros.
        a.setGrad(null);
        new ScaleBoth().applyAll(a, b)[0].sum().backward();
        assertThat(a.grad().item()).isEqualTo(15);
    }

    @Test
    void gradcheckOnACustomFunction() {
        Tensor a = Tensor.fromArray(new double[] {0.3, -1.2}, 2).requiresGrad_(true);
        Tensor b = Tensor.fromArray(new double[] {1.1, 0.7}, 2).requiresGrad_(true);
        assertThat(GradCheck.check(in -> {
            Tensor[] o = new ScaleBoth().applyAll(in);
            return o[0].add(o[1].mul(o[1]));
        }, a, b)).isTrue();
    }

    static final class WrongShape extends Function {
        @Override
        protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
            return outputs(in[0].sum());
        }

        @Override
        protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
            return outputs(g[0]);
        }
    }

    @Test
    void aGradientOfTheWrongShapeIsNamed() {
        Tensor x = Tensor.ones(3).requiresGrad_(true);
        Tensor y = new WrongShape().apply(x);
        assertThatThrownBy(y::backward).hasMessageContaining("WrongShape.backward: gradient 0 has shape []")
                .hasMessageContaining("input 0 has shape [3]");
    }

    @Test
    void withoutGradNoNodeIsRecorded() {
        Tensor y = new BinarizeSign().apply(Tensor.of(0.5, -0.5));
        assertThat(y.gradFn()).isNull();
        assertThat(y.toFloatArray()).containsExactly(1, -1);
    }

    @Test
    void gradCheckCatchesAWrongBackward() {
        Function wrong = new Function() {
            @Override
            protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
                ctx.saveForBackward(in[0]);
                return outputs(in[0].mul(in[0]));
            }

            @Override
            protected Tensor[] backward(FunctionCtx ctx, Tensor... g) {
                return outputs(g[0].mul(ctx.savedTensors()[0]));   // should be 2x
            }
        };
        Tensor x = Tensor.fromArray(new double[] {1.5}, 1).requiresGrad_(true);
        assertThatThrownBy(() -> GradCheck.check(in -> wrong.apply(in), x)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("numerical 2.99999").hasMessageContaining("analytical 1.5");
    }
}
