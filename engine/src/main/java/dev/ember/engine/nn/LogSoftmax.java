package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/** Log of the softmax along {@code dim}, computed stably; mirrors {@code torch.nn.LogSoftmax(dim)}. */
public class LogSoftmax extends Module {
    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.logSoftmax(dim);
    }

    @Override
    protected String extraRepr() {
        return "dim=" + dim;
    }
}
