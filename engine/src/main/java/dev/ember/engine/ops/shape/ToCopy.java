package dev.ember.engine.ops.shape;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.backend.Kernels;

/**
 * A copy converted to another dtype; mirrors {@code tensor.to(dtype)} ({@code ToCopyBackward0}).
 * Differentiable between floating dtypes; converting to an integer or bool dtype ends the graph.
 */
public final class ToCopy extends Node {
    private final DType inputType;

    private ToCopy(Tensor x) {
        super(x);
        this.inputType = x.dtype();
    }

    public static Tensor apply(Tensor x, DType dtype) {
        Tensor out = Tensor.wrap(Kernels.elementwise().cast(x.array(), dtype));
        if (!dtype.isFloatingPoint()) {
            return out;
        }
        return record(out, () -> new ToCopy(x), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.to(inputType)};
    }
}
