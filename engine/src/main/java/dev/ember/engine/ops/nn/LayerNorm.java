package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * Layer normalisation over the trailing {@code normalizedShape} dimensions (biased variance);
 * mirrors {@code torch.nn.functional.layer_norm}. Weight and bias, when given, have shape
 * {@code normalizedShape}. Composite.
 */
public final class LayerNorm {
    private LayerNorm() {
    }

    /** {@code F.layer_norm(x, normalized_shape, weight, bias, eps)}; weight and bias may be null. */
    public static Tensor apply(Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        String op = "layer_norm";
        Checks.floating(op, "input", x);
        int k = normalizedShape.length;
        long[] s = x.shape();
        if (k == 0 || k > s.length || !Arrays.equals(Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape)) {
            throw new IllegalArgumentException(op + ": given normalized_shape=" + Shapes.str(normalizedShape)
                    + ", expected input with shape [*, " + Shapes.str(normalizedShape).replaceAll("[\\[\\]]", "")
                    + "], but got input of size " + Shapes.str(s));
        }
        for (Tensor t : new Tensor[] {weight, bias}) {
            if (t != null && !Arrays.equals(t.shape(), normalizedShape)) {
                throw new IllegalArgumentException(op + ": expected " + (t == weight ? "weight" : "bias")
                        + " of shape " + Shapes.str(normalizedShape) + ", got " + Shapes.str(t.shape()));
            }
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = s.length - k + i;
        }
        Tensor mean = x.mean(dims, true);
        Tensor centered = x.sub(mean);
        Tensor var = centered.pow(2).mean(dims, true);
        Tensor out = centered.mul(var.add(eps).pow(-0.5));
        if (weight != null) {
            out = out.mul(weight);
        }
        return bias == null ? out : out.add(bias);
    }
}
