package dev.ember.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LSTM}, {@link GRU}, {@link LSTMCell} and {@link GRUCell} against real PyTorch 1.13 in
 * float64 (one Python process for the class): outputs, final states, state_dict keys and the
 * gradients of the input, the initial states and every parameter; and the reprs against
 * PyTorch's {@code print(module)}.
 */
class RecurrentVsTorchTest {
    private static final RecurrentTorchCases ALL = new RecurrentTorchCases();

    private static Tensor randn(long seed, long... shape) {
        return Tensor.randn(new Generator(seed), shape).to(DType.FLOAT64);
    }

    private static Tensor[] states(long seed, int count, long... shape) {
        Tensor[] out = new Tensor[count];
        for (int i = 0; i < count; i++) {
            out[i] = randn(seed + i, shape).mul(0.5);
        }
        return out;
    }

    private static void lstm(String name, String torchModule, LSTM m, Tensor x, Tensor[] states) {
        ALL.add("LSTM " + name, torchModule, states.length == 0 ? null : "(ss[0], ss[1])", m, x, states, (in, s) -> {
            LSTM.Output o = m.forward(in, s.length == 0 ? null : new LSTM.State(s[0], s[1]));
            return new Tensor[] {o.output(), o.h(), o.c()};
        });
    }

    private static void gru(String name, String torchModule, GRU m, Tensor x, Tensor[] states) {
        ALL.add("GRU " + name, torchModule, states.length == 0 ? null : "ss[0]", m, x, states, (in, s) -> {
            GRU.Output o = m.forward(in, s.length == 0 ? null : s[0]);
            return new Tensor[] {o.output(), o.h()};
        });
    }

    @BeforeAll
    static void cases() {
        // name, torch module, engine module, input, initial states
        lstm("1 layer", "nn.LSTM(3, 5)", new LSTM(3, 5), randn(1, 6, 2, 3), new Tensor[0]);
        lstm("2 layers h0 c0", "nn.LSTM(3, 4, num_layers=2)", new LSTM(3, 4, 2, true, false, 0, false),
                randn(2, 5, 3, 3), states(3, 2, 2, 3, 4));
        lstm("batch_first 2 layers h0 c0", "nn.LSTM(3, 4, 2, batch_first=True)",
                new LSTM(LSTM.options(3, 4).numLayers(2).batchFirst(true)), randn(4, 3, 5, 3), states(5, 2, 2, 3, 4));
        lstm("bidirectional 2 layers h0 c0", "nn.LSTM(3, 4, 2, bidirectional=True)",
                new LSTM(LSTM.options(3, 4).numLayers(2).bidirectional(true)), randn(6, 5, 2, 3), states(7, 2, 4, 2, 4));
        lstm("bidirectional batch_first", "nn.LSTM(2, 3, batch_first=True, bidirectional=True)",
                new LSTM(2, 3, 1, true, true, 0, true), randn(8, 2, 4, 2), new Tensor[0]);
        lstm("unbatched bidirectional 2 layers h0 c0", "nn.LSTM(3, 4, 2, bidirectional=True)",
                new LSTM(3, 4, 2, true, false, 0, true), randn(9, 5, 3), states(10, 2, 4, 4));
        lstm("unbatched batch_first", "nn.LSTM(3, 4, batch_first=True)", new LSTM(3, 4, 1, true, true, 0, false),
                randn(11, 4, 3), new Tensor[0]);
        lstm("unbatched batch_first h0 c0", "nn.LSTM(3, 4, 2, batch_first=True)",
                new LSTM(3, 4, 2, true, true, 0, false), randn(12, 4, 3), states(13, 2, 2, 4));
        lstm("no bias 2 layers bidirectional", "nn.LSTM(3, 4, 2, bias=False, bidirectional=True)",
                new LSTM(3, 4, 2, false, false, 0, true), randn(14, 4, 2, 3), states(15, 2, 4, 2, 4));
        lstm("one step", "nn.LSTM(3, 4)", new LSTM(3, 4), randn(16, 1, 3, 3), states(17, 2, 1, 3, 4));
        lstm("empty batch", "nn.LSTM(3, 4, 2)", new LSTM(3, 4, 2, true, false, 0, false), randn(18, 3, 0, 3),
                new Tensor[0]);
        // dropout=1 is deterministic in training (the next layer sees zeros); eval mode switches dropout off.
        lstm("dropout 1 training", "nn.LSTM(3, 4, 2, dropout=1.0)", new LSTM(3, 4, 2, true, false, 1.0, false),
                randn(19, 4, 2, 3), new Tensor[0]);
        LSTM evalLstm = new LSTM(3, 4, 3, true, true, 0.5, false);
        evalLstm.eval();
        lstm("dropout eval 3 layers", "nn.LSTM(3, 4, 3, batch_first=True, dropout=0.5).eval()", evalLstm,
                randn(20, 2, 4, 3), states(21, 2, 3, 2, 4));

        gru("1 layer", "nn.GRU(3, 5)", new GRU(3, 5), randn(31, 6, 2, 3), new Tensor[0]);
        gru("2 layers h0", "nn.GRU(3, 4, num_layers=2)", new GRU(3, 4, 2, true, false, 0, false),
                randn(32, 5, 3, 3), states(33, 1, 2, 3, 4));
        gru("batch_first 2 layers h0", "nn.GRU(3, 4, 2, batch_first=True)",
                new GRU(GRU.options(3, 4).numLayers(2).batchFirst(true)), randn(34, 3, 5, 3), states(35, 1, 2, 3, 4));
        gru("bidirectional 2 layers h0", "nn.GRU(3, 4, 2, bidirectional=True)",
                new GRU(GRU.options(3, 4).numLayers(2).bidirectional(true)), randn(36, 5, 2, 3), states(37, 1, 4, 2, 4));
        gru("bidirectional batch_first", "nn.GRU(2, 3, batch_first=True, bidirectional=True)",
                new GRU(2, 3, 1, true, true, 0, true), randn(38, 2, 4, 2), new Tensor[0]);
        gru("unbatched bidirectional 2 layers h0", "nn.GRU(3, 4, 2, bidirectional=True)",
                new GRU(3, 4, 2, true, false, 0, true), randn(39, 5, 3), states(40, 1, 4, 4));
        gru("unbatched batch_first", "nn.GRU(3, 4, batch_first=True)", new GRU(3, 4, 1, true, true, 0, false),
                randn(41, 4, 3), new Tensor[0]);
        gru("no bias 2 layers bidirectional", "nn.GRU(3, 4, 2, bias=False, bidirectional=True)",
                new GRU(3, 4, 2, false, false, 0, true), randn(42, 4, 2, 3), states(43, 1, 4, 2, 4));
        gru("dropout 1 training", "nn.GRU(3, 4, 2, dropout=1.0)", new GRU(3, 4, 2, true, false, 1.0, false),
                randn(44, 4, 2, 3), new Tensor[0]);
        GRU evalGru = new GRU(3, 4, 3, true, false, 0.5, true);
        evalGru.eval();
        gru("dropout eval 3 layers bidirectional", "nn.GRU(3, 4, 3, dropout=0.5, bidirectional=True).eval()", evalGru,
                randn(45, 4, 2, 3), states(46, 1, 6, 2, 4));

        LSTMCell lc = new LSTMCell(3, 4);
        ALL.add("cell LSTMCell zero state", "nn.LSTMCell(3, 4)", null, lc, randn(51, 2, 3), new Tensor[0], (in, s) -> {
            LSTM.State o = lc.forward(in, null);
            return new Tensor[] {o.h(), o.c()};
        });
        LSTMCell lc2 = new LSTMCell(3, 4);
        ALL.add("cell LSTMCell state", "nn.LSTMCell(3, 4)", "(ss[0], ss[1])", lc2, randn(52, 2, 3), states(53, 2, 2, 4),
                (in, s) -> lstmCell(lc2, in, s));
        LSTMCell lc3 = new LSTMCell(3, 4, false);
        ALL.add("cell LSTMCell unbatched no bias", "nn.LSTMCell(3, 4, bias=False)", "(ss[0], ss[1])", lc3, randn(54, 3),
                states(55, 2, 4), (in, s) -> lstmCell(lc3, in, s));
        GRUCell gc = new GRUCell(3, 4);
        ALL.add("cell GRUCell zero state", "nn.GRUCell(3, 4)", null, gc, randn(56, 2, 3), new Tensor[0],
                (in, s) -> new Tensor[] {gc.forward(in)});
        GRUCell gc2 = new GRUCell(3, 4);
        ALL.add("cell GRUCell state", "nn.GRUCell(3, 4)", "ss[0]", gc2, randn(57, 2, 3), states(58, 1, 2, 4),
                (in, s) -> new Tensor[] {gc2.forward(in, s[0])});
        GRUCell gc3 = new GRUCell(3, 4, false);
        ALL.add("cell GRUCell unbatched no bias", "nn.GRUCell(3, 4, bias=False)", "ss[0]", gc3, randn(59, 3),
                states(60, 1, 4), (in, s) -> new Tensor[] {gc3.forward(in, s[0])});

        ALL.repr(new LSTM(10, 20), "nn.LSTM(10, 20)");
        ALL.repr(new LSTM(LSTM.options(10, 20).numLayers(2).batchFirst(true)), "nn.LSTM(10, 20, num_layers=2, batch_first=True)");
        ALL.repr(new LSTM(3, 4, 3, false, true, 0.25, true),
                "nn.LSTM(3, 4, 3, bias=False, batch_first=True, dropout=0.25, bidirectional=True)");
        ALL.repr(new GRU(5, 6, 1, true, false, 1e-5, false), "nn.GRU(5, 6, dropout=1e-5)");
        ALL.repr(new GRU(GRU.options(5, 6).bidirectional(true).dropout(1)), "nn.GRU(5, 6, dropout=1, bidirectional=True)");
        ALL.repr(new LSTMCell(3, 4), "nn.LSTMCell(3, 4)");
        ALL.repr(new LSTMCell(3, 4, false), "nn.LSTMCell(3, 4, bias=False)");
        ALL.repr(new GRUCell(7, 2, false), "nn.GRUCell(7, 2, bias=False)");
        ALL.repr(new Sequential(new GRUCell(7, 2), new LSTM(2, 2, 2, true, false, 0, false)),
                "nn.Sequential(nn.GRUCell(7, 2), nn.LSTM(2, 2, 2))");
    }

    private static Tensor[] lstmCell(LSTMCell cell, Tensor in, Tensor[] s) {
        LSTM.State o = cell.forward(in, new LSTM.State(s[0], s[1]));
        return new Tensor[] {o.h(), o.c()};
    }

    @Test
    void lstmMatchesTorch() {
        assertThat(ALL.size("LSTM ")).isEqualTo(13);
        assertThat(ALL.check("LSTM ")).isEmpty();
    }

    @Test
    void gruMatchesTorch() {
        assertThat(ALL.size("GRU ")).isEqualTo(10);
        assertThat(ALL.check("GRU ")).isEmpty();
    }

    @Test
    void cellsMatchTorch() {
        assertThat(ALL.size("cell ")).isEqualTo(6);
        assertThat(ALL.check("cell ")).isEmpty();
    }

    @Test
    void reprsMatchTorchPrint() {
        assertThat(ALL.check("repr ")).isEmpty();
    }
}
