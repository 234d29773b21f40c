package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;

/**
 * Adaptive 2-D average pooling; mirrors {@code torch.nn.functional.adaptive_avg_pool2d}. Output
 * cell {@code i} averages input rows {@code floor(i*H/oH)} to {@code ceil((i+1)*H/oH)} (exclusive),
 * likewise for columns. Composite: two matrix products with those averaging matrices.
 */
public final class AdaptiveAvgPool2d {
    private AdaptiveAvgPool2d() {
    }

    /** {@code F.adaptive_avg_pool2d(x, (oH, oW))} on {@code (N,C,H,W)} or {@code (C,H,W)}. */
    public static Tensor apply(Tensor x, int[] outputSize) {
        String op = "adaptive_avg_pool2d";
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException(op + " expects input of rank 3 (C,H,W) or 4 (N,C,H,W), got "
                    + Shapes.str(x.shape()));
        }
        Checks.floating(op, "input", x);
        int[] out = NnArgs.spatial(op, "outputSize", outputSize, 2);
        if (out[0] < 0 || out[1] < 0) {
            throw new IllegalArgumentException(op + ": output size must be >= 0, got "
                    + java.util.Arrays.toString(out));
        }
        long[] s = x.shape();
        int r = s.length;
        long h = s[r - 2];
        long w = s[r - 1];
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException(op + ": expected input to have non-zero size for its spatial "
                    + "dimensions, got " + Shapes.str(s));
        }
        long lead = Shapes.numel(java.util.Arrays.copyOf(s, r - 2));
        // (lead*H, W) @ (W, oW), then the height the same way on the transposed result.
        Tensor cols = x.reshape(lead * h, w).matmul(averaging(out[1], w, x).permute(1, 0));
        Tensor rowsFirst = cols.reshape(lead, h, out[1]).permute(0, 2, 1).reshape(lead * out[1], h);
        Tensor both = rowsFirst.matmul(averaging(out[0], h, x).permute(1, 0));
        long[] outShape = s.clone();
        outShape[r - 2] = out[0];
        outShape[r - 1] = out[1];
        return both.reshape(lead, out[1], out[0]).permute(0, 2, 1).reshape(outShape);
    }

    /** The (out, in) matrix whose row i averages input positions [floor(i*in/out), ceil((i+1)*in/out)). */
    private static Tensor averaging(int out, long in, Tensor like) {
        double[] m = new double[Math.toIntExact(out * in)];
        for (int i = 0; i < out; i++) {
            long start = Math.floorDiv(i * in, out);
            long end = -Math.floorDiv(-(i + 1) * in, out);
            for (long j = start; j < end; j++) {
                m[(int) (i * in + j)] = 1.0 / (end - start);
            }
        }
        return Tensor.fromArray(m, out, in).to(like.dtype());
    }
}
