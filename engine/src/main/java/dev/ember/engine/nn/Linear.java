package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * {@code y = x W^T + b}; mirrors {@code torch.nn.Linear}. Weight (out, in) and bias are
 * initialised like PyTorch: kaiming_uniform(a=sqrt(5)), i.e. U(-1/sqrt(in), 1/sqrt(in)), for both.
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Tensor weight;
    private final Tensor bias;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear: in_features and out_features must be > 0, got "
                    + inFeatures + ", " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Tensor.zeros(outFeatures, inFeatures));
        this.bias = registerParameter("bias", bias ? Tensor.zeros(outFeatures) : null);
        resetParameters();
    }

    /** Re-draws the weights with PyTorch's default initialisation; mirrors {@code reset_parameters()}. */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU);
        if (bias != null) {
            double bound = 1 / Math.sqrt(inFeatures);
            Init.uniform_(bias, -bound, bound);
        }
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or {@code null} when built without one. */
    public Tensor bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.linear(input, weight, bias);
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias != null);
    }
}
