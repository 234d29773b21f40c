package dev.ember.engine.nn;

import dev.ember.engine.Tensor;
import java.util.List;

/**
 * One GRU step; mirrors {@code torch.nn.GRUCell}. With gates in PyTorch's order r, z, n:
 * <pre>
 * r = sigmoid(W_ir x + b_ir + W_hr h + b_hr)    z = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 * n = tanh(W_in x + b_in + r * (W_hn h + b_hn)) h' = (1 - z) * n + z * h
 * </pre>
 * Input (N, input_size) or unbatched (input_size); state (N, hidden_size) or (hidden_size).
 */
public class GRUCell extends RNNCellBase {

    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        super(3, inputSize, hiddenSize, bias);
    }

    /** h' from a zero state. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null);
    }

    /** h' from {@code h} (null: zeros); mirrors {@code cell(input, h)}. */
    public Tensor forward(Tensor input, Tensor h) {
        Tensor x = batchedInput(input);
        Tensor h1 = step(inputProjection(x), batchedState(h, "h", input, x), weightHh(), biasHh());
        return input.dim() == 2 ? h1 : h1.squeeze(0);
    }

    /** One step from the input projection {@code xProj} (N, 3*hidden); returns h'. Shared with {@link GRU}. */
    static Tensor step(Tensor xProj, Tensor h, Tensor weightHh, Tensor biasHh) {
        List<Tensor> gi = xProj.chunk(3, 1);
        List<Tensor> gh = Functional.linear(h, weightHh, biasHh).chunk(3, 1);
        Tensor r = gi.get(0).add(gh.get(0)).sigmoid();
        Tensor z = gi.get(1).add(gh.get(1)).sigmoid();
        Tensor n = gi.get(2).add(r.mul(gh.get(2))).tanh();
        // (1 - z) * n + z * h, written as ATen does.
        return h.sub(n).mul(z).add(n);
    }
}
