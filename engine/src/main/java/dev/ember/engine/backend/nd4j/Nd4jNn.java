package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.NnKernels;
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
 *       pooling has neither ceil mode nor PyTorch's indices and divisors: pooling is PyTorch's CPU
 *       loop over NIO views of the native memory instead ({@link Nd4jPooling}).</li>
 *   <li>No groups: groups run per channel slice, except depthwise ({@code groups == C}), a direct
 *       loop ({@link Nd4jDepthwise}) because libnd4j's {@code depthwise_conv2d} is very slow.</li>
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
        new Nd4jDepthwise(x.shape(), w.shape(), out, stride, padding, dilation)
                .forward(new NioValues(x), new NioValues(w), b == null ? null : new NioValues(b), new NioValues(result));
        return result;
    }

    private static INDArray[] depthwiseBackward(INDArray x, INDArray w, INDArray g, int[] stride, int[] padding,
            int[] dilation) {
        INDArray gx = Nd4j.create(x.dataType(), x.shape());
        INDArray gw = Nd4j.create(w.dataType(), w.shape());
        if (x.length() > 0 && g.length() > 0) {
            new Nd4jDepthwise(x.shape(), w.shape(), g.shape(), stride, padding, dilation)
                    .backward(new NioValues(x), new NioValues(w), new NioValues(g), new NioValues(gx), new NioValues(gw));
        }
        return new INDArray[] {gx, gw};
    }

    // ---------------------------------------------------------------- pooling (Nd4jPooling)

    @Override
    public Array[] maxPool2d(Array input, int[] kernel, int[] stride, int[] padding, int[] dilation,
            int[] outputSize) {
        return Nd4jPooling.maxPool2d(input, kernel, stride, padding, dilation, outputSize);
    }

    @Override
    public Array maxPool2dBackward(Array gradOutput, Array indices, long[] inputShape) {
        return Nd4jPooling.maxPool2dBackward(gradOutput, indices, inputShape);
    }

    @Override
    public Array avgPool2d(Array input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad,
            int[] outputSize) {
        return Nd4jPooling.avgPool2d(input, kernel, stride, padding, countIncludePad, outputSize);
    }

    @Override
    public Array avgPool2dBackward(Array gradOutput, long[] inputShape, int[] kernel, int[] stride, int[] padding,
            boolean countIncludePad) {
        return Nd4jPooling.avgPool2dBackward(gradOutput, inputShape, kernel, stride, padding, countIncludePad);
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
    static INDArray dense(Array a) {
        return denseCopy(Nd4jArray.of(a));
    }

    /** {@code x} itself when dense (row-major, offset 0), else a dense copy. */
    static INDArray denseCopy(INDArray x) {
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
