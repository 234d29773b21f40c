package dev.ember.engine.autograd;

import dev.ember.engine.GradMode;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.Arrays;

/**
 * The node at a leaf tensor that requires grad: adds incoming gradients into {@code tensor.grad()}.
 * Mirrors PyTorch's {@code AccumulateGrad}.
 */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    /** The accumulator of leaf {@code variable}. */
    public AccumulateGrad(Tensor variable) {
        super();
        this.variable = variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    /** The leaf this node accumulates into. */
    public Tensor variable() {
        return variable;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        accumulate(grad);
        return new Tensor[0];
    }

    void accumulate(Tensor grad) {
        if (!Arrays.equals(grad.shape(), variable.shape())) {
            throw new IllegalStateException("AccumulateGrad: gradient of shape " + Arrays.toString(grad.shape())
                    + " for a leaf of shape " + Arrays.toString(variable.shape()) + " (an op's backward is wrong)");
        }
        Tensor g = grad.dtype() == variable.dtype() ? grad : grad.to(variable.dtype());
        Tensor current = variable.grad();
        if (GradMode.isEnabled()) {
            // createGraph: keep the gradient differentiable, never modify it in place.
            variable.setGrad(current == null ? g : current.add(g));
            return;
        }
        try (NoGrad ignored = NoGrad.enter()) {
            if (current == null) {
                variable.setGrad(g.clone());
            } else {
                current.add_(g);
            }
        }
    }
}
