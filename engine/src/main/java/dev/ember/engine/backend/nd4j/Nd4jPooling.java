package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max and average pooling for {@link Nd4jNn}: PyTorch's CPU loops ({@code MaxPoolKernel.cpp},
 * {@code AvgPoolKernel.cpp}) over NIO views of the native memory, one thread. libnd4j's own
 * {@code maxpool2d} ignores dilation in float32 under oneDNN, and its pooling has neither ceil
 * mode nor PyTorch's indices and divisors.
 */
final class Nd4jPooling {
    private Nd4jPooling() {
    }

    static Array[] maxPool2d(Array input, int[] kernel, int[] stride, int[] padding, int[] dilation,
            int[] outputSize) {
        INDArray x = Nd4jNn.dense(input);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = outputSize[0];
        int ow = outputSize[1];
        INDArray out = Nd4j.create(x.dataType(), x.size(0), x.size(1), oh, ow);
        INDArray idx = Nd4j.create(DataType.LONG, x.size(0), x.size(1), oh, ow);
        if (out.length() == 0) {
            return new Array[] {Nd4jArray.wrap(out), Nd4jArray.wrap(idx)};
        }
        NioValues xv = new NioValues(x);
        NioValues ov = new NioValues(out);
        LongBuffer iv = idx.data().asNioLong();
        int planes = Math.toIntExact(x.size(0) * x.size(1));
        for (int p = 0, o = 0; p < planes; p++) {
            int base = p * h * w;
            for (int i = 0; i < oh; i++) {
                int ih0 = i * stride[0] - padding[0];
                int ih1 = Math.min(ih0 + (kernel[0] - 1) * dilation[0] + 1, h);
                while (ih0 < 0) {
                    ih0 += dilation[0];
                }
                for (int j = 0; j < ow; j++, o++) {
                    int iw0 = j * stride[1] - padding[1];
                    int iw1 = Math.min(iw0 + (kernel[1] - 1) * dilation[1] + 1, w);
                    while (iw0 < 0) {
                        iw0 += dilation[1];
                    }
                    // PyTorch's loop (MaxPoolKernel.cpp): NaN wins, the first of equal maxima is kept.
                    int best = ih0 * w + iw0;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int r = ih0; r < ih1; r += dilation[0]) {
                        for (int c = iw0; c < iw1; c += dilation[1]) {
                            double v = xv.get(base + r * w + c);
                            if (v > max || Double.isNaN(v)) {
                                max = v;
                                best = r * w + c;
                            }
                        }
                    }
                    ov.set(o, max);
                    iv.put(o, best);
                }
            }
        }
        return new Array[] {Nd4jArray.wrap(out), Nd4jArray.wrap(idx)};
    }

    static Array maxPool2dBackward(Array gradOutput, Array indices, long[] inputShape) {
        INDArray g = Nd4jNn.dense(gradOutput);
        INDArray idx = Nd4jNn.dense(indices);
        INDArray gx = Nd4j.create(g.dataType(), inputShape.clone());
        if (gx.length() == 0 || g.length() == 0) {
            return Nd4jArray.wrap(gx);
        }
        NioValues gv = new NioValues(g);
        NioValues xv = new NioValues(gx);
        LongBuffer iv = idx.data().asNioLong();
        int hw = Math.toIntExact(inputShape[2] * inputShape[3]);
        int ohw = (int) (g.size(2) * g.size(3));
        int planes = Math.toIntExact(inputShape[0] * inputShape[1]);
        for (int p = 0, o = 0; p < planes; p++) {
            for (int k = 0; k < ohw; k++, o++) {
                int at = p * hw + (int) iv.get(o);
                xv.set(at, xv.get(at) + gv.get(o));
            }
        }
        return Nd4jArray.wrap(gx);
    }

    static Array avgPool2d(Array input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad,
            int[] outputSize) {
        INDArray x = Nd4jNn.dense(input);
        INDArray out = Nd4j.create(x.dataType(), x.size(0), x.size(1), outputSize[0], outputSize[1]);
        if (out.length() > 0) {
            new AvgWindows(x.shape(), kernel, stride, padding, countIncludePad, outputSize)
                    .forward(new NioValues(x), new NioValues(out));
        }
        return Nd4jArray.wrap(out);
    }

    static Array avgPool2dBackward(Array gradOutput, long[] inputShape, int[] kernel, int[] stride, int[] padding,
            boolean countIncludePad) {
        INDArray g = Nd4jNn.dense(gradOutput);
        INDArray gx = Nd4j.create(g.dataType(), inputShape.clone());
        if (gx.length() > 0 && g.length() > 0) {
            new AvgWindows(inputShape, kernel, stride, padding, countIncludePad,
                    new int[] {(int) g.size(2), (int) g.size(3)}).backward(new NioValues(g), new NioValues(gx));
        }
        return Nd4jArray.wrap(gx);
    }

    /**
     * PyTorch's average-pooling windows ({@code AvgPoolKernel.cpp}): the divisor is the window
     * clipped to the padded input with {@code countIncludePad} (in ceil mode the part past the
     * padding does not count), else the window clipped to the input.
     */
    private static final class AvgWindows {
        private final int planes;
        private final int h;
        private final int w;
        private final int[] kernel;
        private final int[] stride;
        private final int[] padding;
        private final boolean countIncludePad;
        private final int[] out;

        AvgWindows(long[] in, int[] kernel, int[] stride, int[] padding, boolean countIncludePad, int[] out) {
            this.planes = Math.toIntExact(in[0] * in[1]);
            this.h = (int) in[2];
            this.w = (int) in[3];
            this.kernel = kernel;
            this.stride = stride;
            this.padding = padding;
            this.countIncludePad = countIncludePad;
            this.out = out;
        }

        void forward(NioValues x, NioValues y) {
            run(x, y, true);
        }

        void backward(NioValues g, NioValues gx) {
            run(g, gx, false);
        }

        /** Forward: {@code y[o] = sum(window) / divisor}; backward: {@code gx[window] += g[o] / divisor}. */
        private void run(NioValues a, NioValues b, boolean forward) {
            for (int p = 0, o = 0; p < planes; p++) {
                int base = p * h * w;
                for (int i = 0; i < out[0]; i++) {
                    int h0 = i * stride[0] - padding[0];
                    int h1 = Math.min(h0 + kernel[0], h + padding[0]);
                    int rows = h1 - h0;
                    h0 = Math.max(h0, 0);
                    h1 = Math.min(h1, h);
                    for (int j = 0; j < out[1]; j++, o++) {
                        int w0 = j * stride[1] - padding[1];
                        int w1 = Math.min(w0 + kernel[1], w + padding[1]);
                        int cols = w1 - w0;
                        w0 = Math.max(w0, 0);
                        w1 = Math.min(w1, w);
                        if (h0 >= h1 || w0 >= w1) {
                            continue;
                        }
                        double divisor = countIncludePad ? (double) rows * cols : (double) (h1 - h0) * (w1 - w0);
                        if (forward) {
                            double sum = 0;
                            for (int r = h0; r < h1; r++) {
                                for (int c = w0; c < w1; c++) {
                                    sum += a.get(base + r * w + c);
                                }
                            }
                            b.set(o, sum / divisor);
                        } else {
                            double share = a.get(o) / divisor;
                            for (int r = h0; r < h1; r++) {
                                for (int c = w0; c < w1; c++) {
                                    b.set(base + r * w + c, b.get(base + r * w + c) + share);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
