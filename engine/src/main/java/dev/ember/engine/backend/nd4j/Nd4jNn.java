package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.NnKernels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution and pooling through libnd4j's conv2d / maxpool2d / avgpool2d kernels (oneDNN when
 * the oneDNN native build is loaded). Layout NCHW; weights OIHW (libnd4j wFormat 1).
 */
final class Nd4jNn implements NnKernels {
    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1;

    private static int[] convArgs(INDArray weight, int[] stride, int[] padding, int[] dilation) {
        return new int[] {(int) weight.size(2), (int) weight.size(3), stride[0], stride[1], padding[0], padding[1],
            dilation[0], dilation[1], 0, NCHW, WEIGHTS_OIHW};
    }

    private static long outSize(long in, long k, int s, int p, int d) {
        return (in + 2L * p - d * (k - 1) - 1) / s + 1;
    }

    @Override
    public Array conv2d(Array input, Array weight, Array bias, int[] stride, int[] padding, int[] dilation) {
        INDArray x = Nd4jArray.of(input);
        INDArray w = Nd4jArray.of(weight);
        long[] out = {x.size(0), w.size(0),
            outSize(x.size(2), w.size(2), stride[0], padding[0], dilation[0]),
            outSize(x.size(3), w.size(3), stride[1], padding[1], dilation[1])};
        INDArray result = Nd4j.create(x.dataType(), out);
        INDArray[] inputs = bias == null ? new INDArray[] {x, w} : new INDArray[] {x, w, Nd4jArray.of(bias)};
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(inputs)
                .addIntegerArguments(convArgs(w, stride, padding, dilation)).addOutputs(result).build());
        return Nd4jArray.wrap(result);
    }

    @Override
    public Array[] conv2dBackward(Array input, Array weight, Array gradOutput, int[] stride, int[] padding,
            int[] dilation) {
        INDArray x = Nd4jArray.of(input);
        INDArray w = Nd4jArray.of(weight);
        INDArray g = Nd4jArray.of(gradOutput);
        INDArray gx = Nd4j.create(x.dataType(), x.shape());
        INDArray gw = Nd4j.create(w.dataType(), w.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, g.dup('c'))
                .addIntegerArguments(convArgs(w, stride, padding, dilation)).addOutputs(gx, gw).build());
        return new Array[] {Nd4jArray.wrap(gx), Nd4jArray.wrap(gw)};
    }

    private static int[] poolArgs(int[] kernel, int[] stride, int[] padding, int[] dilation, long extra) {
        return new int[] {kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1],
            dilation[0], dilation[1], 0, (int) extra, NCHW};
    }

    private static INDArray pool(String name, INDArray x, int[] iargs, int[] kernel, int[] stride, int[] padding,
            int[] dilation) {
        long[] out = {x.size(0), x.size(1),
            outSize(x.size(2), kernel[0], stride[0], padding[0], dilation[0]),
            outSize(x.size(3), kernel[1], stride[1], padding[1], dilation[1])};
        INDArray result = Nd4j.create(x.dataType(), out);
        Nd4j.exec(DynamicCustomOp.builder(name).addInputs(x).addIntegerArguments(iargs).addOutputs(result).build());
        return result;
    }

    @Override
    public Array maxPool2d(Array input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        INDArray x = Nd4jArray.of(input);
        return Nd4jArray.wrap(pool("maxpool2d", x, poolArgs(kernel, stride, padding, dilation, 0),
                kernel, stride, padding, dilation));
    }

    @Override
    public Array maxPool2dBackward(Array input, Array gradOutput, int[] kernel, int[] stride, int[] padding,
            int[] dilation) {
        INDArray x = Nd4jArray.of(input);
        INDArray gx = Nd4j.create(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, Nd4jArray.of(gradOutput).dup('c'))
                .addIntegerArguments(poolArgs(kernel, stride, padding, dilation, 0)).addOutputs(gx).build());
        return Nd4jArray.wrap(gx);
    }

    @Override
    public Array avgPool2d(Array input, int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        INDArray x = Nd4jArray.of(input);
        int[] one = {1, 1};
        return Nd4jArray.wrap(pool("avgpool2d", x, poolArgs(kernel, stride, padding, one, countIncludePad ? 1 : 0),
                kernel, stride, padding, one));
    }

    @Override
    public Array avgPool2dBackward(Array input, Array gradOutput, int[] kernel, int[] stride, int[] padding,
            boolean countIncludePad) {
        INDArray x = Nd4jArray.of(input);
        INDArray gx = Nd4j.create(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("avgpool2d_bp").addInputs(x, Nd4jArray.of(gradOutput).dup('c'))
                .addIntegerArguments(poolArgs(kernel, stride, padding, new int[] {1, 1}, countIncludePad ? 1 : 0))
                .addOutputs(gx).build());
        return Nd4jArray.wrap(gx);
    }
}
