package dev.ember.bench.nd4j;

import dev.ember.bench.Data;
import org.nd4j.linalg.api.ndarray.INDArray;

/** W3 in raw ND4J: forward, hand-written backward, SGD. */
final class RawMlp {
    private final INDArray x;
    private final INDArray oneHot;
    private final INDArray w1;
    private final INDArray b1;
    private final INDArray w2;
    private final INDArray b2;

    RawMlp(Data.Mlp d) {
        x = Nd4jRawSuite.array(d.x(), Data.Mlp.BATCH, Data.Mlp.IN);
        oneHot = Nd4jRawSuite.array(Data.oneHot(d.y(), Data.Mlp.OUT), Data.Mlp.BATCH, Data.Mlp.OUT);
        w1 = Nd4jRawSuite.array(d.w1(), Data.Mlp.HIDDEN, Data.Mlp.IN);
        b1 = Nd4jRawSuite.array(d.b1(), Data.Mlp.HIDDEN);
        w2 = Nd4jRawSuite.array(d.w2(), Data.Mlp.OUT, Data.Mlp.HIDDEN);
        b2 = Nd4jRawSuite.array(d.b2(), Data.Mlp.OUT);
    }

    double step() {
        INDArray h = RawOps.linear(x, w1, b1);
        INDArray r = RawOps.relu(h);
        INDArray logits = RawOps.linear(r, w2, b2);
        INDArray[] ce = RawOps.crossEntropy(logits, oneHot);
        INDArray[] g2 = RawOps.linearBackward(r, w2, ce[1], true);
        INDArray dh = RawOps.reluBackward(h, g2[0]);
        INDArray[] g1 = RawOps.linearBackward(x, w1, dh, false);
        double lr = Data.Mlp.LR;
        w1.subi(g1[1].muli(lr));
        b1.subi(g1[2].muli(lr));
        w2.subi(g2[1].muli(lr));
        b2.subi(g2[2].muli(lr));
        return ce[0].getDouble(0);
    }
}
