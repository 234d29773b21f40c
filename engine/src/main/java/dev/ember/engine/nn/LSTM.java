package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * A multi-layer long short-term memory network; mirrors {@code torch.nn.LSTM} (PyTorch 1.13, without
 * {@code proj_size}). Each layer runs {@link LSTMCell}'s step (gates i, f, g, o) over the sequence;
 * with {@code bidirectional} a second direction runs from the end and its outputs are concatenated
 * on the feature dimension.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(LSTM.options(10, 20).numLayers(2).batchFirst(true));
 * LSTM.Output out = lstm.forward(x, null);     // x: (N, L, 10)
 * out.output();                                 // (N, L, 20)
 * out.h(); out.c();                             // (2, N, 20) each: h_n, c_n
 * }</pre>
 * Shapes: input (L, N, input_size), (N, L, input_size) with batchFirst, or unbatched (L, input_size);
 * h0/c0 and h_n/c_n (num_layers*num_directions, N, hidden_size) whatever batchFirst says, or
 * (num_layers*num_directions, hidden_size) for an unbatched input. Parameters are named as in
 * PyTorch's state_dict ({@code weight_ih_l0}, {@code bias_hh_l1_reverse}, ...).
 */
public class LSTM extends RNNBase {

    /** Initial or final states h and c; mirrors the tuple {@code (h, c)}. */
    public record State(Tensor h, Tensor c) {
        /** Both states cut from the graph, for truncated backpropagation through time. */
        public State detach() {
            return new State(h.detach(), c.detach());
        }
    }

    /** The output sequence and the final states; mirrors {@code output, (h_n, c_n)}. */
    public record Output(Tensor output, Tensor h, Tensor c) {
        /** The final states, ready to pass to the next call. */
        public State state() {
            return new State(h, c);
        }
    }

    /** One layer, PyTorch's defaults. */
    public LSTM(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /** All settings in PyTorch's positional order. */
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
            boolean bidirectional) {
        this(options(inputSize, hiddenSize).numLayers(numLayers).bias(bias).batchFirst(batchFirst).dropout(dropout)
                .bidirectional(bidirectional));
    }

    public LSTM(Options options) {
        super(4, options);
    }

    /** The output sequence from zero initial states. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null).output();
    }

    /** Output and final states from {@code state} (null: zeros); mirrors {@code lstm(input, (h0, c0))}. */
    public Output forward(Tensor input, State state) {
        Tensor[] r = run(input, state == null ? null : new Tensor[] {state.h(), state.c()});
        return new Output(r[0], r[1], r[2]);
    }

    @Override
    protected int stateCount() {
        return 2;
    }

    /** Both biases are added to the gates before any non-linearity, so they are summed once here. */
    @Override
    protected Tensor[] stepBiases(Tensor biasIh, Tensor biasHh, long batch) {
        return new Tensor[] {null, biasIh == null ? null : rows(biasIh.add(biasHh), batch)};
    }

    @Override
    protected Tensor[] step(Tensor xProj, Tensor[] state, Tensor weightHh, Tensor biasHh) {
        return LSTMCell.step(xProj, state[0], state[1], weightHh, biasHh);
    }
}
