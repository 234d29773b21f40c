package dev.ember.engine.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.GradMode;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Autograd semantics, checked against what PyTorch does in the same situations. */
class AutogradTest {

    private static Tensor leaf(double... v) {
        return Tensor.fromArray(v, v.length).requiresGrad_(true);
    }

    @Test
    void leavesAndNonLeaves() {
        Tensor x = leaf(1, 2);
        Tensor c = Tensor.of(3.0, 4.0);
        Tensor y = x.mul(c);
        assertThat(x.isLeaf()).isTrue();
        assertThat(c.isLeaf()).isTrue();
        assertThat(c.requiresGrad()).isFalse();
        assertThat(y.isLeaf()).isFalse();
        assertThat(y.requiresGrad()).isTrue();
        assertThat(c.mul(c).requiresGrad()).isFalse();
        assertThat(c.mul(c).gradFn()).isNull();
    }

    @Test
    void gradientsAccumulateUntilCleared() {
        Tensor x = leaf(1, 2, 3);
        x.mul(x).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 4, 6);
        x.mul(x).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(4, 8, 12);
        x.grad().zero_();
        x.mul(3.0).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(3, 3, 3);
        x.setGrad(null);
        assertThat(x.grad()).isNull();
    }

    @Test
    void aTensorUsedOnTwoPathsGetsTheSummedGradient() {
        Tensor x = leaf(2);
        Tensor y = leaf(3);
        Tensor z = x.mul(y).add(x.add(y));   // dz/dx = y + 1, dz/dy = x + 1
        z.backward();
        assertThat(x.grad().item()).isEqualTo(4);
        assertThat(y.grad().item()).isEqualTo(3);
    }

    @Test
    void backwardOfANonScalarNeedsAGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        assertThatThrownBy(y::backward).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grad can be implicitly created only for scalar outputs")
                .hasMessageContaining("[2]");
        y.backward(Tensor.fromArray(new double[] {1, 10}, 2));
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 20);
    }

    @Test
    void backwardGradientMustMatchTheOutputShape() {
        Tensor y = leaf(1, 2).mul(2.0);
        assertThatThrownBy(() -> y.backward(Tensor.ones(DType.FLOAT64, 3)))
                .hasMessageContaining("gradient 0 has shape [3] but the output has shape [2]");
    }

    @Test
    void backwardOnATensorWithoutGradIsAnError() {
        assertThatThrownBy(() -> Tensor.of(1.0).sum().backward())
                .hasMessageContaining("does not require grad");
    }

    @Test
    void aSecondBackwardThroughFreedSavedTensorsFailsClearly() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp().sum();
        y.backward();
        assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backward through the graph a second time")
                .hasMessageContaining("retainGraph=true");
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp().sum();
        y.backward(null, true, false);
        y.backward();
        assertThat(x.grad().toDoubleArray()[0]).isCloseTo(2 * Math.E, within(1e-12));
    }

    @Test
    void nodesWithoutSavedTensorsMayRunTwiceLikePyTorch() {
        Tensor x = leaf(1, 2);
        Tensor y = x.add(1.0).sum();
        y.backward();
        y.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(2, 2);
    }

    @Test
    void createGraphGivesSecondDerivatives() {
        Tensor x = leaf(2);
        Tensor y = x.pow(3.0);                       // y' = 3x^2 = 12, y'' = 6x = 12
        Tensor[] g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x}, null, true, true, false);
        assertThat(g[0].item()).isEqualTo(12);
        assertThat(g[0].requiresGrad()).isTrue();
        Tensor[] gg = Autograd.grad(new Tensor[] {g[0]}, new Tensor[] {x}, null, false, false, false);
        assertThat(gg[0].item()).isEqualTo(12);
        assertThat(x.grad()).as("Autograd.grad never touches .grad").isNull();
    }

    @Test
    void autogradGradReportsUnusedInputs() {
        Tensor x = leaf(1);
        Tensor unused = leaf(1);
        Tensor y = x.mul(2.0);
        assertThatThrownBy(() -> Autograd.grad(new Tensor[] {y}, new Tensor[] {x, unused}, null, true, false, false))
                .hasMessageContaining("inputs[1]").hasMessageContaining("allowUnused=true");
        Tensor[] g = Autograd.grad(new Tensor[] {y}, new Tensor[] {x, unused}, null, false, false, true);
        assertThat(g[0].item()).isEqualTo(2);
        assertThat(g[1]).isNull();
    }

    @Test
    void gradFnNamesAndNextFunctionsAreWalkable() {
        Tensor x = leaf(1, 2);
        Tensor c = Tensor.fromArray(new double[] {3, 4}, 2);
        Tensor y = x.mul(c).sum();
        Node sum = y.gradFn();
        assertThat(sum.name()).isEqualTo("SumBackward0");
        Node mul = sum.nextFunctions().get(0).function();
        assertThat(mul.name()).isEqualTo("MulBackward0");
        assertThat(mul.nextFunctions()).hasSize(2);
        assertThat(mul.nextFunctions().get(0).function()).isInstanceOf(AccumulateGrad.class);
        assertThat(((AccumulateGrad) mul.nextFunctions().get(0).function()).variable()).isSameAs(x);
        assertThat(mul.nextFunctions().get(1).function()).as("(None, 0) for an input without grad").isNull();
        assertThat(mul.nextFunctions().get(1).toString()).isEqualTo("(None, 0)");
        assertThat(mul.toString()).isEqualTo("<MulBackward0>");
    }

    @Test
    void noGradBuildsNoGraphNestsAndRestores() {
        Tensor x = leaf(1);
        try (NoGrad outer = NoGrad.enter()) {
            assertThat(x.mul(2.0).requiresGrad()).isFalse();
            try (NoGrad inner = NoGrad.enter()) {
                assertThat(GradMode.isEnabled()).isFalse();
            }
            assertThat(GradMode.isEnabled()).as("inner close restores the outer no-grad").isFalse();
            try (NoGrad enable = NoGrad.enableGrad()) {
                assertThat(x.mul(2.0).requiresGrad()).isTrue();
            }
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(x.mul(2.0).requiresGrad()).isTrue();
    }

    @Test
    void noGradIsPerThread() throws Exception {
        AtomicBoolean otherThreadEnabled = new AtomicBoolean();
        try (NoGrad ignored = NoGrad.enter()) {
            Thread t = new Thread(() -> otherThreadEnabled.set(GradMode.isEnabled()));
            t.start();
            t.join();
        }
        assertThat(otherThreadEnabled).isTrue();
    }

    @Test
    void noGradRestoresAfterAnException() {
        try (NoGrad ignored = NoGrad.enter()) {
            throw new IllegalStateException("boom");
        } catch (IllegalStateException expected) {
            // the scope closed on the way out
        }
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void detachSharesDataButNotHistory() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        Tensor d = y.detach();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.gradFn()).isNull();
        d.add_(1.0);
        assertThat(y.toDoubleArray()).as("detach shares storage").containsExactly(3, 5);
    }

    @Test
    void onlyFloatingTensorsCanRequireGrad() {
        assertThatThrownBy(() -> Tensor.of(1, 2).requiresGrad_(true))
                .hasMessageContaining("only floating-point tensors can require gradients").hasMessageContaining("int64");
    }

    @Test
    void requiresGradFlagsOfNonLeavesCannotBeCleared() {
        Tensor y = leaf(1).mul(2.0);
        assertThatThrownBy(() -> y.requiresGrad_(false)).hasMessageContaining("leaf");
    }

    @Test
    void frozenLeavesGetNoGradient() {
        Tensor w = leaf(1, 2).requiresGrad_(false);
        Tensor b = leaf(3);
        w.mul(b).sum().backward();
        assertThat(w.grad()).isNull();
        assertThat(b.grad().item()).isEqualTo(3);
    }

    @Test
    void hooksSeeAndReplaceGradients() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(3.0);
        double[] seen = new double[2];
        RemovableHandle h = y.registerHook(g -> {
            System.arraycopy(g.toDoubleArray(), 0, seen, 0, 2);
            return g.mul(10.0);
        });
        y.sum().backward();
        assertThat(seen).containsExactly(1, 1);
        assertThat(x.grad().toDoubleArray()).containsExactly(30, 30);
        h.remove();
        x.setGrad(null);
        x.mul(3.0).sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(3, 3);
    }

    @Test
    void leafHooksRunBeforeAccumulation() {
        Tensor x = leaf(1);
        x.registerHook(g -> g.mul(2.0));
        x.mul(5.0).backward();
        assertThat(x.grad().item()).isEqualTo(10);
    }

    @Test
    void hookOnATensorWithoutGradIsAnError() {
        assertThatThrownBy(() -> Tensor.of(1.0).registerHook(g -> g)).hasMessageContaining("doesn't require gradient");
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0).retainGrad();
        y.mul(y).sum().backward();
        assertThat(y.grad().toDoubleArray()).containsExactly(4, 8);
        assertThat(y.retainsGrad()).isTrue();
    }

    @Test
    void inPlaceOnALeafThatRequiresGradIsRefused() {
        Tensor x = leaf(1);
        assertThatThrownBy(() -> x.add_(1.0)).hasMessageContaining("leaf tensor that requires grad")
                .hasMessageContaining("NoGrad");
        try (NoGrad ignored = NoGrad.enter()) {
            x.add_(1.0);   // what an optimizer step does
        }
        assertThat(x.item()).isEqualTo(2);
        assertThat(x.version()).isEqualTo(1);
    }

    @Test
    void inPlaceOnANonLeafRebasesHistory() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        y.add_(x);                       // y = 2x + x
        assertThat(y.gradFn().name()).isEqualTo("AddBackward0");
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(3, 3);
    }

    @Test
    void inPlaceMulOnANonLeafWorksLikePyTorch() {
        Tensor x = leaf(1, 2);
        Tensor z = leaf(3, 4);
        Tensor y = x.mul(1.0);
        y.mul_(z);
        y.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(3, 4);
        assertThat(z.grad().toDoubleArray()).containsExactly(1, 2);
    }

    @Test
    void modifyingASavedTensorMakesBackwardFailClearly() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        Tensor z = y.mul(y);             // saves y
        y.add_(1.0);
        assertThatThrownBy(() -> z.sum().backward()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("modified by an inplace operation")
                .hasMessageContaining("is at version 1; expected version 0");
    }

    @Test
    void inPlaceOpsBumpTheVersionSharedWithViews() {
        Tensor x = Tensor.zeros(2, 3);
        Tensor v = x.view(6);
        assertThat(v.base()).isSameAs(x);
        v.add_(1.0);
        assertThat(x.version()).isEqualTo(1);
        assertThat(x.toFloatArray()).containsOnly(1f);
    }

    @Test
    void inPlaceResultMustFitTheDestination() {
        Tensor x = Tensor.zeros(3);
        assertThatThrownBy(() -> x.add_(Tensor.zeros(2, 3))).hasMessageContaining("add_")
                .hasMessageContaining("[3]").hasMessageContaining("[2, 3]");
        Tensor i = Tensor.of(1, 2);
        assertThatThrownBy(() -> i.add_(0.5)).hasMessageContaining("can't be cast");
    }

    @Test
    void copyAndFill() {
        Tensor x = Tensor.zeros(2, 2);
        x.copy_(Tensor.of(1.0, 2.0));
        assertThat(x.toFloatArray()).containsExactly(1, 2, 1, 2);
        x.fill_(7);
        assertThat(x.toFloatArray()).containsOnly(7f);
        assertThatThrownBy(() -> x.copy_(Tensor.zeros(3))).hasMessageContaining("copy_");
    }

    @Test
    void gradientsFlowThroughCopyIntoANonLeaf() {
        Tensor x = leaf(1, 2);
        Tensor buf = Tensor.zeros(DType.FLOAT64, 2).mul(1.0);
        buf.copy_(x.mul(3.0));
        buf.sum().backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(3, 3);
    }
}
