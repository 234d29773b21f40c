package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.List;

/**
 * One LSTM step; mirrors {@code torch.nn.LSTMCell}. With gates in PyTorch's order i, f, g, o:
 * <pre>
 * i = sigmoid(W_ii x + b_ii + W_hi h + b_hi)    f = sigmoid(W_if x + b_if + W_hf h + b_hf)
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg)       o = sigmoid(W_io x + b_io + W_ho h + b_ho)
 * c' = f * c + i * g                            h' = o * tanh(c')
 * </pre>
 * Input (N, input_size) or unbatched (input_size); states (N, hidden_size) or (hidden_size).
 */
public class LSTMCell extends RNNCellBase {

    public LSTMCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias) {
        super(4, inputSize, hiddenSize, bias);
    }

    /** h' from zero states (c' is dropped; use {@link #forward(Tensor, LSTM.State)} to keep it). */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null).h();
    }

    /** (h', c') from {@code state} (null: zeros); mirrors {@code cell(input, (h, c))}. */
    public LSTM.State forward(Tensor input, LSTM.State state) {
        Tensor x = batchedInput(input);
        Tensor h = batchedState(state == null ? null : state.h(), "h", input, x);
        Tensor c = batchedState(state == null ? null : state.c(), "c", input, x);
        Tensor[] next = step(inputProjection(x), h, c, weightHh(), biasHh());
        return input.dim() == 2 ? new LSTM.State(next[0], next[1])
                : new LSTM.State(next[0].squeeze(0), next[1].squeeze(0));
    }

    /** One step from the input projection {@code xProj} (N, 4*hidden); returns {h', c'}. Shared with {@link LSTM}. */
    static Tensor[] step(Tensor xProj, Tensor h, Tensor c, Tensor weightHh, Tensor biasHh) {
        List<Tensor> gates = xProj.add(Functional.linear(h, weightHh, biasHh)).chunk(4, 1);
        Tensor i = gates.get(0).sigmoid();
        Tensor f = gates.get(1).sigmoid();
        Tensor g = gates.get(2).tanh();
        Tensor o = gates.get(3).sigmoid();
        Tensor c1 = f.mul(c).add(i.mul(g));
        return new Tensor[] {o.mul(c1.tanh()), c1};
    }
}
