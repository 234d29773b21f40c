package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.NnKernels;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution and pooling on libnd4j (oneDNN when the oneDNN native build is loaded). Layout NCHW;
 * weights OIHW (libnd4j wFormat 1).
 *
 * <p>Measured quirks this class works around (each checked against PyTorch by the op-spec table):
 * <ul>
 *   <li>oneDNN (in both CPU builds) rejects float32 {@code conv2d}/{@code conv2d_bp} with dilation
 *       &gt; 1 ("could not create a descriptor for a dilated convolution"): when a one-off probe
 *       finds that, the kernel is spread out with zeros and run undilated (same sums, more
 *       multiply-adds).</li>
 *   <li>Its float32 {@code maxpool2d}/{@code maxpool2d_bp} silently ignore dilation, and libnd4j's
 *       pooling has neither ceil mode nor PyTorch's indices and divisors: pooling is a plain loop
 *       over NIO views of the native memory here (PyTorch's own CPU loop, one thread).</li>
 *   <li>No groups: groups run per channel slice, except depthwise ({@code groups == C}), a direct
 *       loop here because libnd4j's {@code depthwise_conv2d} is very slow.</li>
 * </ul>
 */
final class Nd4jNn implements NnKernels {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1;
    private static final int[] ONES = {1, 1};
    private static final Nd4jShape SHAPE = new Nd4jShape();

    // ---------------------------------------------------------------- convolution

    @Override
    public Array conv2d(Array input, Array weight, Array bias, int[] stride, int[] padding, int[] dilation,
            int groups) {
        INDArray x = dense(input);
        INDArray w = dense(weight);
        INDArray b = bias == null ? null : dense(bias);
        if (groups == 1) {
            return Nd4jArray.wrap(conv(x, w, b, stride, padding, dilation));
        }
        if (isDepthwise(x.size(1), w, groups)) {
            return Nd4jArray.wrap(depthwise(x, w, b, stride, padding, dilation));
        }
        long cg = x.size(1) / groups;
        long og = w.size(0) / groups;
        INDArray out = null;
        for (int g = 0; g < groups; g++) {
            INDArray y = conv(part(x, 1, g * cg, cg), part(w, 0, g * og, og), b == null ? null : part(b, 0, g * og, og),
                    stride, padding, dilation);
            if (out == null) {
                out = Nd4j.create(x.dataType(), x.size(0), w.size(0), y.size(2), y.size(3));
            }
            range(out, 1, g * og, og).assign(y);
        }
        return Nd4jArray.wrap(out);
    }

    @Override
    public Array[] conv2dBackward(Array input, Array weight, Array gradOutput, int[] stride, int[] padding,
            int[] dilation, int groups) {
        INDArray x = dense(input);
        INDArray w = dense(weight);
        INDArray g = dense(gradOutput);
        INDArray[] r;
        if (groups == 1) {
            r = convBackward(x, w, g, stride, padding, dilation);
        } else if (isDepthwise(x.size(1), w, groups)) {
            r = depthwiseBackward(x, w, g, stride, padding, dilation);
        } else {
            r = new INDArray[] {Nd4j.create(x.dataType(), x.shape()), Nd4j.create(w.dataType(), w.shape())};
            long cg = x.size(1) / groups;
            long og = w.size(0) / groups;
            for (int k = 0; k < groups; k++) {
                INDArray[] rk = convBackward(part(x, 1, k * cg, cg), part(w, 0, k * og, og), part(g, 1, k * og, og),
                        stride, padding, dilation);
                range(r[0], 1, k * cg, cg).assign(rk[0]);
                range(r[1], 0, k * og, og).assign(rk[1]);
            }
        }
        return new Array[] {Nd4jArray.wrap(r[0]), Nd4jArray.wrap(r[1])};
    }

    @Override
    public Array conv2dInputGrad(Array gradOutput, Array weight, long[] inputShape, int[] stride, int[] padding,
            int[] dilation, int groups) {
        INDArray g = dense(gradOutput);
        INDArray w = dense(weight);
        if (groups == 1) {
            return Nd4jArray.wrap(deconv(g, w, inputShape, stride, padding, dilation));
        }
        if (isDepthwise(inputShape[1], w, groups)) {
            INDArray x = Nd4j.create(g.dataType(), inputShape.clone());
            return Nd4jArray.wrap(depthwiseBackward(x, w, g, stride, padding, dilation)[0]);
        }
        long cg = inputShape[1] / groups;
        long og = w.size(0) / groups;
        long[] partShape = inputShape.clone();
        partShape[1] = cg;
        INDArray out = Nd4j.create(g.dataType(), inputShape.clone());
        for (int k = 0; k < groups; k++) {
            range(out, 1, k * cg, cg).assign(deconv(part(g, 1, k * og, og), part(w, 0, k * og, og), partShape,
                    stride, padding, dilation));
        }
        return Nd4jArray.wrap(out);
    }

    @Override
    public Array conv2dWeightGrad(Array input, Array gradOutput, long[] weightShape, int[] stride, int[] padding,
            int[] dilation, int groups) {
        INDArray x = dense(input);
        INDArray g = dense(gradOutput);
        // conv2d_bp computes both gradients; the weight's values do not enter the weight gradient.
        INDArray w = Nd4j.create(x.dataType(), weightShape.clone());
        if (groups == 1) {
            return Nd4jArray.wrap(convBackward(x, w, g, stride, padding, dilation)[1]);
        }
        if (isDepthwise(x.size(1), w, groups)) {
            return Nd4jArray.wrap(depthwiseBackward(x, w, g, stride, padding, dilation)[1]);
        }
        long cg = x.size(1) / groups;
        long og = weightShape[0] / groups;
        for (int k = 0; k < groups; k++) {
            range(w, 0, k * og, og).assign(convBackward(part(x, 1, k * cg, cg), part(w, 0, k * og, og),
                    part(g, 1, k * og, og), stride, padding, dilation)[1]);
        }
        return Nd4jArray.wrap(w);
    }

    private static int[] convArgs(INDArray weight, int[] stride, int[] padding, int[] dilation) {
        return new int[] {(int) weight.size(2), (int) weight.size(3), stride[0], stride[1], padding[0], padding[1],
            dilation[0], dilation[1], 0, NCHW, WEIGHTS_OIHW};
    }

    private static long outSize(long in, long k, int s, int p, int d) {
        return (in + 2L * p - d * (k - 1) - 1) / s + 1;
    }

    private static boolean spreadsDilation(INDArray x, int[] dilation) {
        return (dilation[0] > 1 || dilation[1] > 1) && x.dataType() == DataType.FLOAT
                && !DilatedFloatConv.SUPPORTED;
    }

    /**
     * Whether the loaded native build computes float32 conv2d and conv2d_bp with dilation
     * correctly; asked once, on a 3x3 input whose answer is known. Both CPU builds of
     * 1.0.0-M2.1 carry oneDNN, which refuses these.
     */
    private static final class DilatedFloatConv {
        static final boolean SUPPORTED = probe();

        private static boolean probe() {
            INDArray x = Nd4j.createFromArray(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}).reshape('c', 1, 1, 3, 3);
            INDArray w = Nd4j.ones(DataType.FLOAT, 1, 1, 2, 2);
            int[] args = convArgs(w, ONES, new int[] {0, 0}, new int[] {2, 2});
            try {
                INDArray y = Nd4j.create(DataType.FLOAT, 1, 1, 1, 1);
                Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w).addIntegerArguments(args).addOutputs(y)
                        .build());
                INDArray gx = Nd4j.create(DataType.FLOAT, 1, 1, 3, 3);
                INDArray gw = Nd4j.create(DataType.FLOAT, 1, 1, 2, 2);
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, Nd4j.ones(DataType.FLOAT, 1, 1, 1, 1))
                        .addIntegerArguments(args).addOutputs(gx, gw).build());
                // The corners: 1 + 3 + 7 + 9; the weight gradient is the corners themselves.
                return y.getFloat(0) == 20f && java.util.Arrays.equals(gw.data().asFloat(), new float[] {1, 3, 7, 9});
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private static INDArray conv(INDArray x, INDArray w, INDArray b, int[] stride, int[] padding, int[] dilation) {
        long[] out = {x.size(0), w.size(0), outSize(x.size(2), w.size(2), stride[0], padding[0], dilation[0]),
            outSize(x.size(3), w.size(3), stride[1], padding[1], dilation[1])};
        INDArray result = Nd4j.create(x.dataType(), out);
        if (result.length() == 0 || x.length() == 0) {
            return biasOnly(result, b);
        }
        boolean spread = spreadsDilation(x, dilation);
        INDArray wk = spread ? spread(w, dilation) : w;
        int[] dk = spread ? ONES : dilation;
        INDArray[] inputs = b == null ? new INDArray[] {x, wk} : new INDArray[] {x, wk, b};
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(inputs)
                .addIntegerArguments(convArgs(wk, stride, padding, dk)).addOutputs(result).build());
        return result;
    }

    private static INDArray[] convBackward(INDArray x, INDArray w, INDArray g, int[] stride, int[] padding,
            int[] dilation) {
        INDArray gx = Nd4j.create(x.dataType(), x.shape());
        if (x.length() == 0 || g.length() == 0) {
            return new INDArray[] {gx, Nd4j.create(w.dataType(), w.shape())};
        }
        boolean spread = spreadsDilation(x, dilation);
        INDArray wk = spread ? spread(w, dilation) : w;
        int[] dk = spread ? ONES : dilation;
        INDArray gw = Nd4j.create(w.dataType(), wk.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, wk, g)
                .addIntegerArguments(convArgs(wk, stride, padding, dk)).addOutputs(gx, gw).build());
        return new INDArray[] {gx, spread ? unspread(gw, dilation) : gw};
    }

    /** The kernel with {@code dilation - 1} zeros between taps: an undilated kernel with the same sums. */
    private static INDArray spread(INDArray w, int[] dilation) {
        INDArray z = Nd4j.create(w.dataType(), w.size(0), w.size(1), dilation[0] * (w.size(2) - 1) + 1,
                dilation[1] * (w.size(3) - 1) + 1);
        taps(z, dilation).assign(w);
        return z;
    }

    private static INDArray unspread(INDArray spreadGrad, int[] dilation) {
        return taps(spreadGrad, dilation).dup('c');
    }

    private static INDArray taps(INDArray z, int[] dilation) {
        INDArray rows = slice(z, 2, 0, z.size(2), dilation[0]);
        return slice(rows, 3, 0, z.size(3), dilation[1]);
    }

    /** Transposed convolution with conv2d's OIHW weight read as deconv2d's [iC, oC, kH, kW]. */
    private static INDArray deconv(INDArray g, INDArray w, long[] inputShape, int[] stride, int[] padding,
            int[] dilation) {
        INDArray out = Nd4j.create(g.dataType(), inputShape.clone());
        if (g.length() == 0 || out.length() == 0) {
            return out;
        }
        long fullH = (g.size(2) - 1) * stride[0] + dilation[0] * (w.size(2) - 1) + 1;
        long fullW = (g.size(3) - 1) * stride[1] + dilation[1] * (w.size(3) - 1) + 1;
        if (fullH - 2L * padding[0] == inputShape[2] && fullW - 2L * padding[1] == inputShape[3]) {
            runDeconv(g, w, out, stride, padding, dilation);
            return out;
        }
        // Output padding: the rows the padding crops are taken from the full (unpadded) result;
        // rows past its end stay zero, as in PyTorch.
        INDArray full = Nd4j.create(g.dataType(), inputShape[0], inputShape[1], fullH, fullW);
        runDeconv(g, w, full, stride, new int[] {0, 0}, dilation);
        long h = Math.min(inputShape[2], fullH - padding[0]);
        long wd = Math.min(inputShape[3], fullW - padding[1]);
        slice(slice(out, 2, 0, h, 1), 3, 0, wd, 1)
                .assign(slice(slice(full, 2, padding[0], padding[0] + h, 1), 3, padding[1], padding[1] + wd, 1));
        return out;
    }

    private static void runDeconv(INDArray g, INDArray w, INDArray out, int[] stride, int[] padding, int[] dilation) {
        Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(g, w)
                .addIntegerArguments(convArgs(w, stride, padding, dilation)).addOutputs(out).build());
    }

    private static boolean isDepthwise(long channels, INDArray w, int groups) {
        return groups == channels && w.size(1) == 1;
    }

    private static INDArray depthwise(INDArray x, INDArray w, INDArray b, int[] stride, int[] padding,
            int[] dilation) {
        long[] out = {x.size(0), w.size(0), outSize(x.size(2), w.size(2), stride[0], padding[0], dilation[0]),
            outSize(x.size(3), w.size(3), stride[1], padding[1], dilation[1])};
        INDArray result = Nd4j.create(x.dataType(), out);
        if (result.length() == 0 || x.length() == 0) {
            return biasOnly(result, b);
        }
        new Depthwise(x.shape(), w.shape(), out, stride, padding, dilation)
                .forward(new Values(x), new Values(w), b == null ? null : new Values(b), new Values(result));
        return result;
    }

    private static INDArray[] depthwiseBackward(INDArray x, INDArray w, INDArray g, int[] stride, int[] padding,
            int[] dilation) {
        INDArray gx = Nd4j.create(x.dataType(), x.shape());
        INDArray gw = Nd4j.create(w.dataType(), w.shape());
        if (x.length() > 0 && g.length() > 0) {
            new Depthwise(x.shape(), w.shape(), g.shape(), stride, padding, dilation)
                    .backward(new Values(x), new Values(w), new Values(g), new Values(gx), new Values(gw));
        }
        return new INDArray[] {gx, gw};
    }

    /**
     * Depthwise convolution ({@code groups == C}, weight {@code (C*m, 1, kH, kW)}, output channel
     * {@code o} reading input channel {@code o / m}) as a direct loop: libnd4j's
     * {@code depthwise_conv2d} runs at ~0.1 GFLOP/s (about 1 s for a 32x64x56x56 3x3 forward).
     */
    private static final class Depthwise {
        private final int n;
        private final int c;
        private final int h;
        private final int w;
        private final int o;
        private final int kh;
        private final int kw;
        private final int oh;
        private final int ow;
        private final int[] stride;
        private final int[] padding;
        private final int[] dilation;

        Depthwise(long[] in, long[] weight, long[] out, int[] stride, int[] padding, int[] dilation) {
            n = (int) in[0];
            c = (int) in[1];
            h = (int) in[2];
            w = (int) in[3];
            o = (int) weight[0];
            kh = (int) weight[2];
            kw = (int) weight[3];
            oh = (int) out[2];
            ow = (int) out[3];
            this.stride = stride;
            this.padding = padding;
            this.dilation = dilation;
        }

        void forward(Values x, Values wt, Values bias, Values y) {
            for (int b = 0; b < n; b++) {
                for (int oc = 0; oc < o; oc++) {
                    int xBase = (b * c + oc / (o / c)) * h * w;
                    int yBase = (b * o + oc) * oh * ow;
                    double bv = bias == null ? 0 : bias.get(oc);
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double sum = bv;
                            for (int u = 0; u < kh; u++) {
                                int r = i * stride[0] - padding[0] + u * dilation[0];
                                if (r < 0 || r >= h) {
                                    continue;
                                }
                                for (int v = 0; v < kw; v++) {
                                    int col = j * stride[1] - padding[1] + v * dilation[1];
                                    if (col >= 0 && col < w) {
                                        sum += x.get(xBase + r * w + col) * wt.get((oc * kh + u) * kw + v);
                                    }
                                }
                            }
                            y.set(yBase + i * ow + j, sum);
                        }
                    }
                }
            }
        }

        /** Both gradients; the weight gradient is summed in double before it is stored. */
        void backward(Values x, Values wt, Values g, Values gx, Values gw) {
            double[] acc = new double[o * kh * kw];
            for (int b = 0; b < n; b++) {
                for (int oc = 0; oc < o; oc++) {
                    int xBase = (b * c + oc / (o / c)) * h * w;
                    int gBase = (b * o + oc) * oh * ow;
                    for (int i = 0; i < oh; i++) {
                        for (int j = 0; j < ow; j++) {
                            double gv = g.get(gBase + i * ow + j);
                            for (int u = 0; u < kh; u++) {
                                int r = i * stride[0] - padding[0] + u * dilation[0];
                                if (r < 0 || r >= h) {
                                    continue;
                                }
                                for (int v = 0; v < kw; v++) {
                                    int col = j * stride[1] - padding[1] + v * dilation[1];
                                    if (col >= 0 && col < w) {
                                        int xi = xBase + r * w + col;
                                        int wi = (oc * kh + u) * kw + v;
                                        gx.set(xi, gx.get(xi) + gv * wt.get(wi));
                                        acc[wi] += gv * x.get(xi);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < acc.length; i++) {
                gw.set(i, acc[i]);
            }
        }
    }

    // ---------------------------------------------------------------- pooling

    @Override
    public Array[] maxPool2d(Array input, int[] kernel, int[] stride, int[] padding, int[] dilation,
            int[] outputSize) {
        INDArray x = dense(input);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = outputSize[0];
        int ow = outputSize[1];
        INDArray out = Nd4j.create(x.dataType(), x.size(0), x.size(1), oh, ow);
        INDArray idx = Nd4j.create(DataType.LONG, x.size(0), x.size(1), oh, ow);
        if (out.length() == 0) {
            return new Array[] {Nd4jArray.wrap(out), Nd4jArray.wrap(idx)};
        }
        Values xv = new Values(x);
        Values ov = new Values(out);
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

    @Override
    public Array maxPool2dBackward(Array gradOutput, Array indices, long[] inputShape) {
        INDArray g = dense(gradOutput);
        INDArray idx = dense(indices);
        INDArray gx = Nd4j.create(g.dataType(), inputShape.clone());
        if (gx.length() == 0 || g.length() == 0) {
            return Nd4jArray.wrap(gx);
        }
        Values gv = new Values(g);
        Values xv = new Values(gx);
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

    @Override
    public Array avgPool2d(Array input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad,
            int[] outputSize) {
        INDArray x = dense(input);
        INDArray out = Nd4j.create(x.dataType(), x.size(0), x.size(1), outputSize[0], outputSize[1]);
        if (out.length() > 0) {
            new AvgWindows(x.shape(), kernel, stride, padding, countIncludePad, outputSize)
                    .forward(new Values(x), new Values(out));
        }
        return Nd4jArray.wrap(out);
    }

    @Override
    public Array avgPool2dBackward(Array gradOutput, long[] inputShape, int[] kernel, int[] stride, int[] padding,
            boolean countIncludePad) {
        INDArray g = dense(gradOutput);
        INDArray gx = Nd4j.create(g.dataType(), inputShape.clone());
        if (gx.length() > 0 && g.length() > 0) {
            new AvgWindows(inputShape, kernel, stride, padding, countIncludePad,
                    new int[] {(int) g.size(2), (int) g.size(3)}).backward(new Values(g), new Values(gx));
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

        void forward(Values x, Values y) {
            run(x, y, true);
        }

        void backward(Values g, Values gx) {
            run(g, gx, false);
        }

        /** Forward: {@code y[o] = sum(window) / divisor}; backward: {@code gx[window] += g[o] / divisor}. */
        private void run(Values a, Values b, boolean forward) {
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

    /** Element access to a dense float32 or float64 array through an NIO view of its native memory. */
    private static final class Values {
        private final FloatBuffer f;
        private final DoubleBuffer d;

        Values(INDArray a) {
            if (a.length() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("pooling: arrays of more than 2^31 elements are not supported, got "
                        + java.util.Arrays.toString(a.shape()));
            }
            this.f = a.dataType() == DataType.FLOAT ? a.data().asNioFloat() : null;
            this.d = f == null ? a.data().asNioDouble() : null;
        }

        double get(int i) {
            return f != null ? f.get(i) : d.get(i);
        }

        void set(int i, double v) {
            if (f != null) {
                f.put(i, (float) v);
            } else {
                d.put(i, v);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The output of a convolution over no input values: the bias alone (or zeros). */
    private static INDArray biasOnly(INDArray result, INDArray b) {
        if (b == null || result.length() == 0) {
            return result;
        }
        return result.assign(Nd4jOps.broadcastTo(b.reshape('c', new long[] {1, b.length(), 1, 1}), result.shape()));
    }

    /** A dense (row-major, offset 0) array: the input itself or a copy. */
    private static INDArray dense(Array a) {
        INDArray x = Nd4jArray.of(a);
        return Nd4jShape.isDense(x) ? x : x.dup('c');
    }

    /** A view of {@code start, start+step, ... < end} along {@code dim}, with its shape kept. */
    private static INDArray slice(INDArray a, int dim, long start, long end, long step) {
        return Nd4jArray.of(SHAPE.slice(Nd4jArray.wrap(a), dim, start, end, step));
    }

    /** A view of {@code count} entries from {@code start} along {@code dim}. */
    private static INDArray range(INDArray a, int dim, long start, long count) {
        return slice(a, dim, start, start + count, 1);
    }

    /** A dense copy of {@code count} entries from {@code start} along {@code dim}. */
    private static INDArray part(INDArray a, int dim, long start, long count) {
        return range(a, dim, start, count).dup('c');
    }
}
