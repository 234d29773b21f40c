package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.Arrays;

/**
 * Layer normalisation over the trailing {@code normalizedShape} dimensions; mirrors
 * {@code torch.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)}. With the
 * affine part, {@code weight} (ones) and {@code bias} (zeros) have shape {@code normalizedShape}.
 * Same in training and evaluation.
 */
public class LayerNorm extends Module {
    private final long[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    /** {@code nn.LayerNorm(n)}: over the last dimension of size {@code n}. */
    public LayerNorm(long normalizedShape) {
        this(new long[] {normalizedShape});
    }

    /** {@code nn.LayerNorm(normalized_shape)}. */
    public LayerNorm(long[] normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /** {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine)}. */
    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape == null || normalizedShape.length == 0
                || Arrays.stream(normalizedShape).anyMatch(v -> v <= 0)) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must be one or more sizes > 0, got "
                    + (normalizedShape == null ? "null" : Arrays.toString(normalizedShape)));
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("LayerNorm: eps must be >= 0, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = registerParameter("weight", elementwiseAffine ? Tensor.ones(normalizedShape) : null);
        this.bias = registerParameter("bias", elementwiseAffine ? Tensor.zeros(normalizedShape) : null);
    }

    /** Weight back to ones and bias to zeros; mirrors {@code reset_parameters()}. */
    public void resetParameters() {
        if (weight != null) {
            Init.ones_(weight);
            Init.zeros_(bias);
        }
    }

    public long[] normalizedShape() {
        return normalizedShape.clone();
    }

    public double eps() {
        return eps;
    }

    /** The weight, or {@code null} without elementwise affine. */
    public Tensor weight() {
        return weight;
    }

    /** The bias, or {@code null} without elementwise affine. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    @Override
    protected String extraRepr() {
        return PyRepr.pyTuple(normalizedShape) + ", eps=" + PyRepr.pyFloat(eps) + ", elementwise_affine="
                + py(weight != null);
    }
}
