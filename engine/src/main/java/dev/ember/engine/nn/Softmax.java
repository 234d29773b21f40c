package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** Softmax along {@code dim}: non-negative values summing to 1; mirrors {@code torch.nn.Softmax(dim)}. */
public class Softmax extends Module {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.softmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
