package dev.ember.engine.ops.nn;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;

/**
 * Batch normalisation over the channel dimension 1 of {@code (N,C)}, {@code (N,C,L)} or
 * {@code (N,C,H,W)} (any rank &gt;= 2); mirrors {@code torch.nn.functional.batch_norm}. Composite.
 *
 * <p>Training normalises with the batch mean and biased variance and, when running statistics are
 * given, updates them in place (without gradient) with PyTorch's rule
 * {@code running = (1 - momentum) * running + momentum * batch}, using the unbiased variance.
 * Evaluation normalises with the running statistics.
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    /** {@code F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)}; any of the four tensors may be null (running stats not in eval). */
    public static Tensor apply(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        String op = "batch_norm";
        if (x.dim() < 2) {
            throw new IllegalArgumentException(op + " expects input of rank >= 2 (N,C,...), got "
                    + Shapes.str(x.shape()));
        }
        Checks.floating(op, "input", x);
        long c = x.size(1);
        perChannel(op, "running_mean", runningMean, c);
        perChannel(op, "running_var", runningVar, c);
        perChannel(op, "weight", weight, c);
        perChannel(op, "bias", bias, c);
        long[] bshape = new long[x.dim()];
        java.util.Arrays.fill(bshape, 1);
        bshape[1] = c;
        Tensor out;
        if (training) {
            long n = x.numel() / Math.max(c, 1);
            if (n <= 1) {
                throw new IllegalArgumentException(op + ": expected more than 1 value per channel when training, "
                        + "got input size " + Shapes.str(x.shape()));
            }
            int[] dims = new int[x.dim() - 1];
            for (int i = 0, k = 0; i < x.dim(); i++) {
                if (i != 1) {
                    dims[k++] = i;
                }
            }
            Tensor mean = x.mean(dims, true);
            Tensor centered = x.sub(mean);
            Tensor var = centered.pow(2).mean(dims, true);
            out = centered.mul(var.add(eps).pow(-0.5));
            try (NoGrad ignored = NoGrad.enter()) {
                if (runningMean != null) {
                    runningMean.copy_(runningMean.mul(1 - momentum).add(mean.reshape(c).mul(momentum)));
                }
                if (runningVar != null) {
                    Tensor unbiased = var.reshape(c).mul((double) n / (n - 1));
                    runningVar.copy_(runningVar.mul(1 - momentum).add(unbiased.mul(momentum)));
                }
            }
        } else {
            if (runningMean == null || runningVar == null) {
                throw new IllegalArgumentException(op + ": running_mean and running_var must be defined in "
                        + "evaluation mode (training=false)");
            }
            out = x.sub(runningMean.reshape(bshape)).mul(runningVar.reshape(bshape).add(eps).pow(-0.5));
        }
        if (weight != null) {
            out = out.mul(weight.reshape(bshape));
        }
        if (bias != null) {
            out = out.add(bias.reshape(bshape));
        }
        return out;
    }

    private static void perChannel(String op, String arg, Tensor t, long c) {
        if (t != null && (t.dim() != 1 || t.size(0) != c)) {
            throw new IllegalArgumentException(op + ": " + arg + " should be 1-D with " + c
                    + " elements (one per channel), got shape " + Shapes.str(t.shape()));
        }
    }
}
