package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What {@link LSTM} and {@link GRU} share; mirrors {@code torch.nn.RNNBase}: the settings, the
 * parameters {@code weight_ih_l{k}}, {@code weight_hh_l{k}}, {@code bias_ih_l{k}}, {@code bias_hh_l{k}}
 * (suffix {@code _reverse} for the backward direction) registered in PyTorch's order, their
 * initialisation U(-1/sqrt(hidden), 1/sqrt(hidden)), input and state checks, and the loop over
 * layers, directions and time steps. Subclasses supply one time step of their cell.
 *
 * <p>Per layer and direction the input projection {@code x W_ih^T} is one matrix product over all
 * time steps; inside the time loop run {@code h W_hh^T}, the bias adds and the gates. The backward
 * pass comes from autograd through the tensor ops.
 */
public abstract class RNNBase extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final double dropout;
    private final boolean bidirectional;
    /** Per layer and direction: weight_ih, weight_hh, bias_ih, bias_hh (biases null without bias). */
    private final List<Tensor> flatWeights = new ArrayList<>();
    private Generator generator;

    /** Settings of an {@link LSTM} or {@link GRU}, PyTorch's defaults; {@code new LSTM(LSTM.options(10, 20).numLayers(2))}. */
    public static final class Options {
        private final int inputSize;
        private final int hiddenSize;
        private int numLayers = 1;
        private boolean bias = true;
        private boolean batchFirst;
        private double dropout;
        private boolean bidirectional;

        private Options(int inputSize, int hiddenSize) {
            this.inputSize = inputSize;
            this.hiddenSize = hiddenSize;
        }

        /** Stacked layers (default 1); mirrors {@code num_layers}. */
        public Options numLayers(int numLayers) {
            this.numLayers = numLayers;
            return this;
        }

        /** With bias vectors (default true); mirrors {@code bias}. */
        public Options bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** Input and output as (N, L, H) instead of (L, N, H) (default false); mirrors {@code batch_first}. */
        public Options batchFirst(boolean batchFirst) {
            this.batchFirst = batchFirst;
            return this;
        }

        /**
         * Dropout on the outputs of every layer but the last, in training mode (default 0); mirrors
         * {@code dropout}. With one layer it has no effect (PyTorch warns; this is accepted silently).
         */
        public Options dropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** A second, backward-running direction per layer (default false); mirrors {@code bidirectional}. */
        public Options bidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return this;
        }
    }

    /** Options with PyTorch's defaults for {@code inputSize} features and {@code hiddenSize} hidden units. */
    public static Options options(int inputSize, int hiddenSize) {
        return new Options(inputSize, hiddenSize);
    }

    /** Registers the parameters of {@code o} with {@code gateCount} gates per layer and draws them. */
    protected RNNBase(int gateCount, Options o) {
        String op = name();
        if (o.inputSize <= 0 || o.hiddenSize <= 0) {
            throw new IllegalArgumentException(op + ": input_size and hidden_size must be > 0, got " + o.inputSize
                    + ", " + o.hiddenSize);
        }
        if (o.numLayers < 1) {
            throw new IllegalArgumentException(op + ": num_layers must be >= 1, got " + o.numLayers);
        }
        if (!(o.dropout >= 0 && o.dropout <= 1)) {
            throw new IllegalArgumentException(op + ": dropout should be a number in range [0, 1] representing the "
                    + "probability of an element being zeroed, got " + o.dropout);
        }
        this.inputSize = o.inputSize;
        this.hiddenSize = o.hiddenSize;
        this.numLayers = o.numLayers;
        this.bias = o.bias;
        this.batchFirst = o.batchFirst;
        this.dropout = o.dropout;
        this.bidirectional = o.bidirectional;
        long gates = (long) gateCount * hiddenSize;
        for (int layer = 0; layer < numLayers; layer++) {
            long in = layer == 0 ? inputSize : (long) hiddenSize * numDirections();
            for (int dir = 0; dir < numDirections(); dir++) {
                String suffix = layer + (dir == 1 ? "_reverse" : "");
                flatWeights.add(registerParameter("weight_ih_l" + suffix, Tensor.zeros(gates, in)));
                flatWeights.add(registerParameter("weight_hh_l" + suffix, Tensor.zeros(gates, hiddenSize)));
                flatWeights.add(bias ? registerParameter("bias_ih_l" + suffix, Tensor.zeros(gates)) : null);
                flatWeights.add(bias ? registerParameter("bias_hh_l" + suffix, Tensor.zeros(gates)) : null);
            }
        }
        resetParameters();
    }

    /** Re-draws every parameter from U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)); mirrors {@code reset_parameters()}. */
    public void resetParameters() {
        double bound = 1 / Math.sqrt(hiddenSize);
        for (Tensor p : flatWeights) {
            if (p != null) {
                Init.uniform_(p, -bound, bound);
            }
        }
    }

    /**
     * Draws the inter-layer dropout masks from {@code generator} instead of the default one (a Java
     * addition: PyTorch always uses its global generator). Returns this module.
     */
    public RNNBase setGenerator(Generator generator) {
        this.generator = generator;
        return this;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    public boolean bias() {
        return bias;
    }

    public boolean batchFirst() {
        return batchFirst;
    }

    public double dropout() {
        return dropout;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    /** 2 when bidirectional, else 1. */
    public int numDirections() {
        return bidirectional ? 2 : 1;
    }

    /**
     * The parameters in PyTorch's {@code _flat_weights} order (per layer, then direction: weight_ih,
     * weight_hh, bias_ih, bias_hh; the biases are left out when built without them).
     */
    public List<Tensor> flatWeights() {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : flatWeights) {
            if (t != null) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of state tensors the cell carries: 1 (h) for GRU, 2 (h, c) for LSTM. */
    protected abstract int stateCount();

    /**
     * One time step: {@code xProj} is {@code x_t W_ih^T} plus the first of {@link #stepBiases}, of
     * shape (N, gates * hidden), {@code state} the previous (N, hidden) states, {@code biasHh} the
     * second of {@link #stepBiases}; returns the new states, {@code h} first.
     */
    protected abstract Tensor[] step(Tensor xProj, Tensor[] state, Tensor weightHh, Tensor biasHh);

    /** The module's forward pass with its own parameters; returns {output, h_n[, c_n]}. */
    protected final Tensor[] run(Tensor input, Tensor[] hx) {
        return run(input, hx, flatWeights);
    }

    /**
     * The forward pass with {@code weights} in place of the parameters (laid out like the internal
     * flat list, null for absent biases); mirrors {@code _VF.lstm}/{@code _VF.gru}. {@code hx}
     * is null (zeros) or one tensor per state. Returns {output, h_n[, c_n]}.
     */
    final Tensor[] run(Tensor input, Tensor[] hx, List<Tensor> weights) {
        boolean batched = checkInput(input);
        Tensor x = batched ? input : input.unsqueeze(batchFirst ? 0 : 1);
        if (batchFirst) {
            x = x.transpose(0, 1);
        }
        long batch = x.size(1);
        List<List<Tensor>> initial = initialStates(hx, batched, batch, input.dtype());
        List<List<Tensor>> finals = new ArrayList<>();
        for (int k = 0; k < stateCount(); k++) {
            finals.add(new ArrayList<>());
        }
        int dirs = numDirections();
        Tensor layerInput = x;
        for (int layer = 0; layer < numLayers; layer++) {
            boolean last = layer == numLayers - 1;
            Tensor[] outs = new Tensor[dirs];
            for (int dir = 0; dir < dirs; dir++) {
                int idx = layer * dirs + dir;
                Tensor[] state = new Tensor[stateCount()];
                for (int k = 0; k < state.length; k++) {
                    state[k] = initial.get(k).get(idx);
                }
                // The last layer stacks straight into batch-first order, so that output is contiguous there.
                outs[dir] = runDirection(layerInput, state, weights.subList(4 * idx, 4 * idx + 4), dir == 1,
                        last && batchFirst ? 1 : 0);
                for (int k = 0; k < state.length; k++) {
                    finals.get(k).add(state[k]);
                }
            }
            layerInput = dirs == 1 ? outs[0] : Tensor.cat(2, outs);
            if (!last && dropout > 0 && isTraining()) {
                layerInput = dropoutMask(layerInput);
            }
        }
        Tensor[] result = new Tensor[1 + stateCount()];
        result[0] = batched ? layerInput : layerInput.squeeze(batchFirst ? 0 : 1);
        for (int k = 0; k < stateCount(); k++) {
            Tensor hn = Tensor.stack(finals.get(k), 0);
            result[1 + k] = batched ? hn : hn.squeeze(1);
        }
        return result;
    }

    /**
     * One layer in one direction over {@code x} (L, N, features) with {@code w} = weight_ih,
     * weight_hh, bias_ih, bias_hh; {@code state} holds the initial states and receives the final
     * ones. Returns the hidden states of every step stacked along {@code timeDim}.
     */
    private Tensor runDirection(Tensor x, Tensor[] state, List<Tensor> w, boolean reverse, int timeDim) {
        int steps = (int) x.size(0);
        long batch = x.size(1);
        Tensor weightIh = w.get(0);
        List<Tensor> projSteps = Functional.linear(x.reshape(steps * batch, x.size(2)), weightIh, null)
                .reshape(steps, batch, weightIh.size(0)).unbind(0);
        Tensor[] biases = stepBiases(w.get(2), w.get(3), batch);
        Tensor[] hs = new Tensor[steps];
        Tensor[] current = state.clone();
        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            Tensor xProj = biases[0] == null ? projSteps.get(t) : projSteps.get(t).add(biases[0]);
            current = step(xProj, current, w.get(1), biases[1]);
            hs[t] = current[0];
        }
        System.arraycopy(current, 0, state, 0, state.length);
        return Tensor.stack(timeDim, hs);
    }

    /**
     * The biases as the time loop adds them: {b_ih, b_hh}, each null or materialised as (N, gates)
     * rows once per layer and direction, so that every step adds equal shapes. (ND4J's broadcasting
     * add was measured up to 10-100x slower than an equal-shape add at these sizes on a loaded
     * 2-core machine, and materialising the bias for the whole sequence's projection costs a
     * (L*N, gates) copy.) A cell whose formula allows may fold b_ih into b_hh and return null first.
     */
    protected Tensor[] stepBiases(Tensor biasIh, Tensor biasHh, long batch) {
        return new Tensor[] {rows(biasIh, batch), rows(biasHh, batch)};
    }

    /** {@code bias} (null allowed) repeated as {@code rows} equal rows, materialised. */
    protected static Tensor rows(Tensor bias, long rows) {
        return bias == null ? null : bias.expand(rows, bias.size(0)).contiguous();
    }

    /** Checks rank, dtype and feature size; returns whether the input is batched. */
    private boolean checkInput(Tensor input) {
        String op = name();
        String layout = batchFirst ? "(N, L, input_size)" : "(L, N, input_size)";
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(op + " expects input of rank 3 " + layout
                    + " or rank 2 (L, input_size) for an unbatched sequence, got " + Shapes.str(input.shape()));
        }
        if (!input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + " expects a floating-point input, got " + input.dtype()
                    + " (convert with .to(DType.FLOAT32))");
        }
        DType own = flatWeights.get(0).dtype();
        if (input.dtype() != own) {
            throw new IllegalArgumentException(op + ": input dtype " + input.dtype() + " does not match the parameters' "
                    + own + " (convert the input, or the module with .to(DType." + input.dtype().name() + "))");
        }
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException(op + ": input.size(-1) must be equal to input_size: expected " + inputSize
                    + ", got " + input.size(-1) + " (input shape " + Shapes.str(input.shape()) + ")");
        }
        int timeDim = input.dim() == 3 && batchFirst ? 1 : 0;
        if (input.size(timeDim) == 0) {
            throw new IllegalArgumentException(op + ": expected sequence length to be larger than 0, got input of shape "
                    + Shapes.str(input.shape()));
        }
        return input.dim() == 3;
    }

    /** Per state kind, the (N, hidden) initial state of every layer and direction. */
    private List<List<Tensor>> initialStates(Tensor[] hx, boolean batched, long batch, DType dtype) {
        String op = name();
        long rows = (long) numLayers * numDirections();
        List<List<Tensor>> out = new ArrayList<>();
        for (int k = 0; k < stateCount(); k++) {
            Tensor h = hx == null ? null : hx[k];
            String what = k == 0 ? "h0" : "c0";
            if (h == null) {
                if (hx != null) {
                    throw new IllegalArgumentException(op + ": " + what + " is null; pass every initial state, or no "
                            + "state at all for zeros");
                }
                h = Tensor.zeros(dtype, rows, batch, hiddenSize);
            } else {
                long[] want = batched ? new long[] {rows, batch, hiddenSize} : new long[] {rows, hiddenSize};
                if (!Arrays.equals(h.shape(), want)) {
                    throw new IllegalArgumentException(op + ": expected " + what + " of shape " + Shapes.str(want)
                            + (batched ? " (num_layers*num_directions, N, hidden_size)"
                                    : " (num_layers*num_directions, hidden_size) for an unbatched input")
                            + ", got " + Shapes.str(h.shape()));
                }
                if (h.dtype() != dtype) {
                    throw new IllegalArgumentException(op + ": " + what + " dtype " + h.dtype()
                            + " does not match the input's " + dtype);
                }
                if (!batched) {
                    h = h.unsqueeze(1);
                }
            }
            out.add(h.unbind(0));
        }
        return out;
    }

    /** Inverted dropout between layers: {@link Functional#dropout} with this module's generator (or the default one). */
    private Tensor dropoutMask(Tensor x) {
        return Functional.dropout(x, dropout, true, generator);
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (numLayers != 1) {
            s.append(", num_layers=").append(numLayers);
        }
        if (!bias) {
            s.append(", bias=False");
        }
        if (batchFirst) {
            s.append(", batch_first=True");
        }
        if (dropout != 0) {
            s.append(", dropout=").append(PyRepr.pyFloat(dropout));
        }
        if (bidirectional) {
            s.append(", bidirectional=True");
        }
        return s.toString();
    }
}
