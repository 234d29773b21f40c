package dev.ember.engine.ops.elementwise;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.BinaryOp;
import dev.ember.engine.backend.ElementwiseKernels;
import dev.ember.engine.backend.Kernels;
import dev.ember.engine.backend.UnaryOp;

/**
 * {@code x - log(sum(exp(x), dim))}, computed from {@code x - max} so large inputs neither
 * overflow nor lose precision; mirrors {@code torch.log_softmax} ({@code LogSoftmaxBackward0}).
 */
public final class LogSoftmax extends Node {
    private final SavedTensor result;
    private final int dim;

    private LogSoftmax(Tensor x, Tensor result, int dim) {
        super(x);
        this.result = save(result);
        this.dim = dim;
    }

    public static Tensor apply(Tensor x, int dim) {
        int d = Softmax.checkedDim("logSoftmax", x, dim);
        ElementwiseKernels k = Kernels.elementwise();
        Array s = Softmax.shifted(x.array(), d);
        Array logSum = k.unary(UnaryOp.LOG, Softmax.sum(k.unary(UnaryOp.EXP, s), d));
        Tensor out = Tensor.wrap(k.binary(BinaryOp.SUB, s, logSum));
        return record(out, () -> new LogSoftmax(x, out, d), x);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.sub(result.get().exp().mul(g.sum(new int[] {dim}, true)))};
    }
}
