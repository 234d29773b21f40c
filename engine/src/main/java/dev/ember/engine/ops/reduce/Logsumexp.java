package dev.ember.engine.ops.reduce;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Promotion;

/**
 * {@code log(sum(exp(x)))} over dims, computed as {@code m + log(sum(exp(x - m)))} with {@code m} the
 * detached max (0 where it is infinite, as PyTorch does), so large inputs neither overflow nor
 * underflow. Ints give float32. Composite: its gradient (the softmax) comes from the ops it is built
 * from. Mirrors {@code torch.logsumexp}.
 */
public final class Logsumexp {
    private Logsumexp() {
    }

    public static Tensor apply(Tensor x, int[] dims, boolean keepdim) {
        Tensor in = Promotion.floating(x);
        int[] d = Reduced.dims("logsumexp", in, dims);
        if (in.numel() == 0) {
            return in.exp().sum(d, keepdim).log();
        }
        Tensor m = in.detach().amax(d, true);
        m = Tensor.where(m.isinf(), Tensor.scalar(0.0, m.dtype()), m);
        Tensor lse = in.sub(m).exp().sum(d, keepdim).log();
        return lse.add(keepdim ? m : m.reshape(lse.shape()));
    }
}
