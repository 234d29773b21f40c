package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** Bad settings, inputs and states of the recurrent modules give errors naming what was expected. */
class RecurrentErrorsTest {

    @Test
    void badSettings() {
        assertThatThrownBy(() -> new LSTM(3, 4, 0, true, false, 0, false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("LSTM: num_layers must be >= 1, got 0");
        assertThatThrownBy(() -> new GRU(GRU.options(3, 4).dropout(1.5)))
            .hasMessage("GRU: dropout should be a number in range [0, 1] representing the probability of an element "
                    + "being zeroed, got 1.5");
        assertThatThrownBy(() -> new LSTM(3, 4, 2, true, false, -0.1, false))
            .hasMessageEndingWith("got -0.1");
        assertThatThrownBy(() -> new LSTM(3, 4, 2, true, false, Double.NaN, false))
            .hasMessageEndingWith("got NaN");
        assertThatThrownBy(() -> new GRU(0, 4))
            .hasMessage("GRU: input_size and hidden_size must be > 0, got 0, 4");
        assertThatThrownBy(() -> new LSTMCell(3, -1))
            .hasMessage("LSTMCell: input_size and hidden_size must be > 0, got 3, -1");
    }

    @Test
    void wrongInputRank() {
        assertThatThrownBy(() -> new LSTM(3, 4).forward(Tensor.randn(2, 5, 7, 3)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("LSTM expects input of rank 3 (L, N, input_size) or rank 2 (L, input_size) for an unbatched "
                    + "sequence, got [2, 5, 7, 3]");
        assertThatThrownBy(() -> new GRU(GRU.options(3, 4).batchFirst(true)).forward(Tensor.randn(3)))
            .hasMessage("GRU expects input of rank 3 (N, L, input_size) or rank 2 (L, input_size) for an unbatched "
                    + "sequence, got [3]");
        assertThatThrownBy(() -> new LSTMCell(3, 4).forward(Tensor.randn(1, 2, 3)))
            .hasMessage("LSTMCell expects input of rank 2 (N, input_size) or rank 1 (input_size) for an unbatched "
                    + "input, got [1, 2, 3]");
        assertThatThrownBy(() -> new GRUCell(3, 4).forward(Tensor.scalar(1f)))
            .hasMessageStartingWith("GRUCell expects input of rank 2");
    }

    @Test
    void inputSizeMismatchNamesExpectedAndGot() {
        assertThatThrownBy(() -> new LSTM(10, 20).forward(Tensor.randn(5, 3, 7)))
            .hasMessage("LSTM: input.size(-1) must be equal to input_size: expected 10, got 7 (input shape [5, 3, 7])");
        assertThatThrownBy(() -> new GRU(10, 20).forward(Tensor.randn(5, 7)))
            .hasMessage("GRU: input.size(-1) must be equal to input_size: expected 10, got 7 (input shape [5, 7])");
        assertThatThrownBy(() -> new GRUCell(10, 20).forward(Tensor.randn(2, 9)))
            .hasMessage("GRUCell: input.size(-1) must be equal to input_size: expected 10, got 9 (input shape [2, 9])");
    }

    @Test
    void emptySequenceAndWrongDtypes() {
        assertThatThrownBy(() -> new LSTM(3, 4, 1, true, true, 0, false).forward(Tensor.randn(2, 0, 3)))
            .hasMessage("LSTM: expected sequence length to be larger than 0, got input of shape [2, 0, 3]");
        assertThatThrownBy(() -> new LSTM(3, 4).forward(Tensor.randn(5, 2, 3).to(DType.FLOAT64)))
            .hasMessage("LSTM: input dtype float64 does not match the parameters' float32 (convert the input, or the "
                    + "module with .to(DType.FLOAT64))");
        assertThatThrownBy(() -> new GRU(3, 4).forward(Tensor.zeros(DType.INT64, 5, 2, 3)))
            .hasMessage("GRU expects a floating-point input, got int64 (convert with .to(DType.FLOAT32))");
        assertThatThrownBy(() -> new GRUCell(3, 4).forward(Tensor.randn(2, 3), Tensor.zeros(DType.FLOAT64, 2, 4)))
            .hasMessage("GRUCell: h dtype float64 does not match the input's float32");
    }

    @Test
    void initialStateShapeMismatch() {
        LSTM lstm = new LSTM(3, 4, 2, true, false, 0, true);
        Tensor x = Tensor.randn(5, 2, 3);
        Tensor good = Tensor.zeros(4, 2, 4);
        assertThatThrownBy(() -> lstm.forward(x, new LSTM.State(Tensor.zeros(2, 2, 4), good)))
            .hasMessage("LSTM: expected h0 of shape [4, 2, 4] (num_layers*num_directions, N, hidden_size), got [2, 2, 4]");
        assertThatThrownBy(() -> lstm.forward(x, new LSTM.State(good, Tensor.zeros(4, 3, 4))))
            .hasMessage("LSTM: expected c0 of shape [4, 2, 4] (num_layers*num_directions, N, hidden_size), got [4, 3, 4]");
        assertThatThrownBy(() -> lstm.forward(x, new LSTM.State(good, null)))
            .hasMessage("LSTM: c0 is null; pass every initial state, or no state at all for zeros");
        assertThatThrownBy(() -> lstm.forward(Tensor.randn(5, 3), new LSTM.State(good, good)))
            .hasMessage("LSTM: expected h0 of shape [4, 4] (num_layers*num_directions, hidden_size) for an unbatched "
                    + "input, got [4, 2, 4]");
        GRU gru = new GRU(GRU.options(3, 4).batchFirst(true));
        assertThatThrownBy(() -> gru.forward(Tensor.randn(2, 5, 3), Tensor.zeros(1, 5, 4)))
            .hasMessage("GRU: expected h0 of shape [1, 2, 4] (num_layers*num_directions, N, hidden_size), got [1, 5, 4]");
        assertThatThrownBy(() -> new LSTMCell(3, 4).forward(Tensor.randn(2, 3),
                new LSTM.State(Tensor.zeros(2, 4), Tensor.zeros(4))))
            .hasMessage("LSTMCell: expected c of shape [2, 4] (N, hidden_size), got [4]");
        assertThatThrownBy(() -> new GRUCell(3, 4).forward(Tensor.randn(3), Tensor.zeros(1, 4)))
            .hasMessage("GRUCell: expected h of shape [4] (hidden_size) for an unbatched input, got [1, 4]");
    }
}
