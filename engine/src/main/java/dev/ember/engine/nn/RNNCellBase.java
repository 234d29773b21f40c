package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * What {@link LSTMCell} and {@link GRUCell} share; mirrors {@code torch.nn.RNNCellBase}: parameters
 * {@code weight_ih} (gates*hidden, input), {@code weight_hh} (gates*hidden, hidden), {@code bias_ih},
 * {@code bias_hh}, drawn from U(-1/sqrt(hidden), 1/sqrt(hidden)), and the input and state checks.
 */
public abstract class RNNCellBase extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Tensor weightIh;
    private final Tensor weightHh;
    private final Tensor biasIh;
    private final Tensor biasHh;

    protected RNNCellBase(int gateCount, int inputSize, int hiddenSize, boolean bias) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(name() + ": input_size and hidden_size must be > 0, got " + inputSize
                    + ", " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        long gates = (long) gateCount * hiddenSize;
        this.weightIh = registerParameter("weight_ih", Tensor.zeros(gates, inputSize));
        this.weightHh = registerParameter("weight_hh", Tensor.zeros(gates, hiddenSize));
        this.biasIh = registerParameter("bias_ih", bias ? Tensor.zeros(gates) : null);
        this.biasHh = registerParameter("bias_hh", bias ? Tensor.zeros(gates) : null);
        resetParameters();
    }

    /** Re-draws every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)); mirrors {@code reset_parameters()}. */
    public void resetParameters() {
        double bound = 1 / Math.sqrt(hiddenSize);
        for (Tensor p : parameters()) {
            Init.uniform_(p, -bound, bound);
        }
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public boolean bias() {
        return biasIh != null;
    }

    public Tensor weightIh() {
        return weightIh;
    }

    public Tensor weightHh() {
        return weightHh;
    }

    /** {@code bias_ih}, or null when built without bias. */
    public Tensor biasIh() {
        return biasIh;
    }

    /** {@code bias_hh}, or null when built without bias. */
    public Tensor biasHh() {
        return biasHh;
    }

    /** Checks rank, dtype and feature size of {@code input}; returns it as (N, input_size). */
    protected final Tensor batchedInput(Tensor input) {
        String op = name();
        if (input.dim() != 1 && input.dim() != 2) {
            throw new IllegalArgumentException(op + " expects input of rank 2 (N, input_size) or rank 1 (input_size) "
                    + "for an unbatched input, got " + Shapes.str(input.shape()));
        }
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + " expects a floating-point input, got " + input.dtype()
                    + " (convert with .to(DType.FLOAT32))");
        }
        if (input.dtype() != weightIh.dtype()) {
            throw new IllegalArgumentException(op + ": input dtype " + input.dtype() + " does not match the parameters' "
                    + weightIh.dtype() + " (convert the input, or the module with .to(DType." + input.dtype().name()
                    + "))");
        }
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException(op + ": input.size(-1) must be equal to input_size: expected " + inputSize
                    + ", got " + input.size(-1) + " (input shape " + Shapes.str(input.shape()) + ")");
        }
        return input.dim() == 2 ? input : input.unsqueeze(0);
    }

    /**
     * {@code state} checked against the input ({@code what} names it, e.g. "h") and returned as
     * (N, hidden_size); zeros when null.
     */
    protected final Tensor batchedState(Tensor state, String what, Tensor input, Tensor batchedInput) {
        long batch = batchedInput.size(0);
        if (state == null) {
            return Tensor.zeros(input.dtype(), batch, hiddenSize);
        }
        boolean batched = input.dim() == 2;
        long[] want = batched ? new long[] {batch, hiddenSize} : new long[] {hiddenSize};
        if (!Arrays.equals(state.shape(), want)) {
            throw new IllegalArgumentException(name() + ": expected " + what + " of shape " + Shapes.str(want)
                    + (batched ? " (N, hidden_size)" : " (hidden_size) for an unbatched input") + ", got "
                    + Shapes.str(state.shape()));
        }
        if (state.dtype() != input.dtype()) {
            throw new IllegalArgumentException(name() + ": " + what + " dtype " + state.dtype()
                    + " does not match the input's " + input.dtype());
        }
        return batched ? state : state.unsqueeze(0);
    }

    /** {@code x W_ih^T + b_ih} for a batched input. */
    protected final Tensor inputProjection(Tensor batchedInput) {
        return Functional.linear(batchedInput, weightIh, biasIh);
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias() ? "" : ", bias=False");
    }
}
