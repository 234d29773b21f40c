package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.UnaryOp;

/** {@code max(x, 0)} (keeps int dtypes); mirrors {@code torch.relu} ({@code ReluBackward0}; gradient 0 at 0). */
public final class Relu extends Node {
    private final SavedTensor result;

    private Relu(Tensor x, Tensor result) {
        super(x);
        this.result = save(result);
    }

    public static Tensor apply(Tensor x) {
        Operands o = Operands.unary("relu", UnaryOp.RELU, x);
        return record(o.out, () -> new Relu(o.a, o.out), o.a);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        // PyTorch's threshold_backward on the result: the gradient passes where result > 0.
        return new Tensor[] {Tensor.where(result.get().gt(0.0), g, Operands.zero(g))};
    }
}
