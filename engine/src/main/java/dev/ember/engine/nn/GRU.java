package dev.ember.engine.nn;

import dev.ember.engine.Tensor;

/**
 * A multi-layer gated recurrent unit network; mirrors {@code torch.nn.GRU} (PyTorch 1.13). Each
 * layer runs {@link GRUCell}'s step (gates r, z, n, with {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))})
 * over the sequence; with {@code bidirectional} a second direction runs from the end and its
 * outputs are concatenated on the feature dimension.
 *
 * <pre>{@code
 * GRU gru = new GRU(GRU.options(10, 20).numLayers(2).bidirectional(true));
 * GRU.Output out = gru.forward(x, null);        // x: (L, N, 10)
 * out.output();                                 // (L, N, 40)
 * out.h();                                      // (4, N, 20): h_n
 * }</pre>
 * Shapes as for {@link LSTM}, with one state h.
 */
public class GRU extends RNNBase {

    /** The output sequence and the final state; mirrors {@code output, h_n}. */
    public record Output(Tensor output, Tensor h) {
    }

    /** One layer, PyTorch's defaults. */
    public GRU(int inputSize, int hiddenSize) {
        this(options(inputSize, hiddenSize));
    }

    /** All settings in PyTorch's positional order. */
    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
            boolean bidirectional) {
        this(options(inputSize, hiddenSize).numLayers(numLayers).bias(bias).batchFirst(batchFirst).dropout(dropout)
                .bidirectional(bidirectional));
    }

    public GRU(Options options) {
        super(3, options);
    }

    /** The output sequence from a zero initial state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null).output();
    }

    /** Output and final state from {@code h0} (null: zeros); mirrors {@code gru(input, h0)}. */
    public Output forward(Tensor input, Tensor h0) {
        Tensor[] r = run(input, h0 == null ? null : new Tensor[] {h0});
        return new Output(r[0], r[1]);
    }

    @Override
    protected int stateCount() {
        return 1;
    }

    @Override
    protected Tensor[] step(Tensor xProj, Tensor[] state, Tensor weightHh, Tensor biasHh) {
        return new Tensor[] {GRUCell.step(xProj, state[0], weightHh, biasHh)};
    }
}
