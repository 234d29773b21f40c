package dev.ember.bench.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The hand-written forward/backward pieces of the raw ND4J workloads. */
final class RawOps {
    private RawOps() {
    }

    /** {@code x W^T + b} for x (N, in), W (out, in). */
    static INDArray linear(INDArray x, INDArray w, INDArray b) {
        INDArray y = Nd4j.gemm(x, w, false, true);
        return y.addiRowVector(b);
    }

    /** Gradients of {@link #linear}: returns {dx (or null), dW, db}; {@code dy} is (N, out). */
    static INDArray[] linearBackward(INDArray x, INDArray w, INDArray dy, boolean needInput) {
        INDArray dw = Nd4j.gemm(dy, x, true, false);
        INDArray db = dy.sum(0);
        INDArray dx = needInput ? Nd4j.gemm(dy, w, false, false) : null;
        return new INDArray[] {dx, dw, db};
    }

    static INDArray relu(INDArray x) {
        return Transforms.relu(x, true);
    }

    /** {@code dy * (x > 0)} through libnd4j's relu_bp. */
    static INDArray reluBackward(INDArray x, INDArray dy) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(x, dy).addOutputs(out).addFloatingPointArguments(0.0)
                .build());
        return out;
    }

    /**
     * Mean cross-entropy of {@code logits} (N, C) against one-hot rows; returns {loss as a 0-d array,
     * dlogits = (softmax - onehot) / N}.
     */
    static INDArray[] crossEntropy(INDArray logits, INDArray oneHot) {
        long n = logits.size(0);
        INDArray p = Transforms.softmax(logits, true);
        double loss = -Transforms.log(p, true).muli(oneHot).sumNumber().doubleValue() / n;
        INDArray d = p.subi(oneHot).divi(n);
        return new INDArray[] {Nd4j.scalar(loss), d};
    }
}
