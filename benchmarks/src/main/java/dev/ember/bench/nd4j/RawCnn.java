package dev.ember.bench.nd4j;

import dev.ember.bench.Data;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * W4 in raw ND4J: libnd4j conv2d/conv2d_bp (NCHW, OIHW weights), maxpool2d/maxpool2d_bp, gemm,
 * hand-written backward, ND4J's fused Adam updater (its epsilon sits outside the bias correction,
 * a difference far below the check tolerance).
 */
final class RawCnn {
    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, NCHW, weights OIHW. */
    private static final int[] CONV = {3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 1};
    /** kH, kW, sH, sW, pH, pW, dH, dW, same mode, unused, NCHW. */
    private static final int[] POOL = {3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 0};

    private final INDArray x;
    private final INDArray oneHot;
    private final INDArray[] params;
    private final GradientUpdater<?>[] adam;
    private int iteration;

    RawCnn(Data.Cnn d) {
        x = Nd4jRawSuite.array(d.x(), Data.Cnn.BATCH, Data.Cnn.C, Data.Cnn.HW, Data.Cnn.HW);
        oneHot = Nd4jRawSuite.array(Data.oneHot(d.y(), Data.Cnn.OUT), Data.Cnn.BATCH, Data.Cnn.OUT);
        params = new INDArray[] {
            Nd4jRawSuite.array(d.cw(), Data.Cnn.K, Data.Cnn.C, 3, 3), Nd4jRawSuite.array(d.cb(), Data.Cnn.K),
            Nd4jRawSuite.array(d.w1(), Data.Cnn.HIDDEN, Data.Cnn.FLAT), Nd4jRawSuite.array(d.b1(), Data.Cnn.HIDDEN),
            Nd4jRawSuite.array(d.w2(), Data.Cnn.OUT, Data.Cnn.HIDDEN), Nd4jRawSuite.array(d.b2(), Data.Cnn.OUT)};
        adam = new GradientUpdater<?>[params.length];
        for (int i = 0; i < params.length; i++) {
            Adam cfg = new Adam(Data.Cnn.LR, 0.9, 0.999, 1e-8);
            adam[i] = cfg.instantiate(Nd4j.zeros(DataType.FLOAT, 1, cfg.stateSize(params[i].length())), true);
        }
    }

    double step() {
        INDArray conv = Nd4j.create(DataType.FLOAT, Data.Cnn.BATCH, Data.Cnn.K, Data.Cnn.HW, Data.Cnn.HW);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, params[0], params[1]).addIntegerArguments(CONV)
                .addOutputs(conv).build());
        INDArray act = RawOps.relu(conv);
        INDArray pooled = Nd4j.create(DataType.FLOAT, Data.Cnn.BATCH, Data.Cnn.K, Data.Cnn.POOLED, Data.Cnn.POOLED);
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(act).addIntegerArguments(POOL).addOutputs(pooled)
                .build());
        INDArray flat = pooled.reshape(Data.Cnn.BATCH, Data.Cnn.FLAT);
        INDArray h = RawOps.linear(flat, params[2], params[3]);
        INDArray r = RawOps.relu(h);
        INDArray logits = RawOps.linear(r, params[4], params[5]);
        INDArray[] ce = RawOps.crossEntropy(logits, oneHot);

        INDArray[] g3 = RawOps.linearBackward(r, params[4], ce[1], true);
        INDArray dh = RawOps.reluBackward(h, g3[0]);
        INDArray[] g2 = RawOps.linearBackward(flat, params[2], dh, true);
        INDArray dPooled = g2[0].reshape(pooled.shape());
        INDArray dAct = Nd4j.create(DataType.FLOAT, act.shape());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(act, dPooled).addIntegerArguments(POOL)
                .addOutputs(dAct).build());
        INDArray dConv = RawOps.reluBackward(conv, dAct);
        INDArray dx = Nd4j.create(DataType.FLOAT, x.shape());
        INDArray dw = Nd4j.create(DataType.FLOAT, params[0].shape());
        INDArray db = Nd4j.create(DataType.FLOAT, params[1].shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, params[0], params[1], dConv)
                .addIntegerArguments(CONV).addOutputs(dx, dw, db).build());

        INDArray[] grads = {dw, db, g2[1], g2[2], g3[1], g3[2]};
        for (int i = 0; i < params.length; i++) {
            adam[i].applyUpdater(grads[i], iteration, 0);
            params[i].subi(grads[i]);
        }
        iteration++;
        return ce[0].getDouble(0);
    }
}
