package dev.ember.tfcompat.op;

import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.op.nn.AvgPool;
import dev.ember.tfcompat.op.nn.AvgPoolGrad;
import dev.ember.tfcompat.op.nn.BiasAdd;
import dev.ember.tfcompat.op.nn.BiasAddGrad;
import dev.ember.tfcompat.op.nn.Conv2d;
import dev.ember.tfcompat.op.nn.Conv2dBackpropFilter;
import dev.ember.tfcompat.op.nn.Conv2dBackpropInput;
import dev.ember.tfcompat.op.nn.DepthwiseConv2dNative;
import dev.ember.tfcompat.op.nn.DepthwiseConv2dNativeBackpropFilter;
import dev.ember.tfcompat.op.nn.DepthwiseConv2dNativeBackpropInput;
import dev.ember.tfcompat.op.nn.Elu;
import dev.ember.tfcompat.op.nn.EluGrad;
import dev.ember.tfcompat.op.nn.FusedBatchNorm;
import dev.ember.tfcompat.op.nn.FusedBatchNormGrad;
import dev.ember.tfcompat.op.nn.L2Loss;
import dev.ember.tfcompat.op.nn.LeakyRelu;
import dev.ember.tfcompat.op.nn.LocalResponseNormalization;
import dev.ember.tfcompat.op.nn.LogSoftmax;
import dev.ember.tfcompat.op.nn.MaxPool;
import dev.ember.tfcompat.op.nn.MaxPoolGrad;
import dev.ember.tfcompat.op.nn.MaxPoolGradGrad;
import dev.ember.tfcompat.op.nn.Relu;
import dev.ember.tfcompat.op.nn.Relu6;
import dev.ember.tfcompat.op.nn.Relu6Grad;
import dev.ember.tfcompat.op.nn.ReluGrad;
import dev.ember.tfcompat.op.nn.Selu;
import dev.ember.tfcompat.op.nn.SeluGrad;
import dev.ember.tfcompat.op.nn.Softmax;
import dev.ember.tfcompat.op.nn.SoftmaxCrossEntropyWithLogits;
import dev.ember.tfcompat.op.nn.Softsign;
import dev.ember.tfcompat.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import dev.ember.tfcompat.types.TFloat32;
import dev.ember.tfcompat.types.TInt32;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;
import java.util.List;

/**
 * The {@code tf.nn} group; mirrors {@code org.tensorflow.op.NnOps} (same method names, parameters and
 * options). NHWC is the default data format, as in TF; it runs on the engine's NCHW kernels.
 */
public final class NnOps {
    private final Scope scope;

    NnOps(Scope scope) {
        this.scope = scope;
    }

    /** {@code max(features, 0)}; mirrors {@code tf.nn.relu}. */
    public <T extends TNumber> Relu<T> relu(Operand<T> features) {
        return Relu.create(scope, features);
    }

    /** 2-D convolution; mirrors {@code tf.nn.conv2d}. */
    public <T extends TNumber> Conv2d<T> conv2d(Operand<T> input, Operand<T> filter, List<Long> strides,
            String padding, Conv2d.Options... options) {
        return Conv2d.create(scope, input, filter, strides, padding, options);
    }

    /**
     * The gradient of conv2d with respect to its input (transposed convolution); mirrors
     * {@code tf.nn.conv2dBackpropInput}.
     */
    public <T extends TNumber> Conv2dBackpropInput<T> conv2dBackpropInput(Operand<TInt32> inputSizes,
            Operand<T> filter, Operand<T> outBackprop, List<Long> strides, String padding,
            Conv2dBackpropInput.Options... options) {
        return Conv2dBackpropInput.create(scope, inputSizes, filter, outBackprop, strides, padding, options);
    }

    /** The gradient of conv2d with respect to its filter; mirrors {@code tf.nn.conv2dBackpropFilter}. */
    public <T extends TNumber> Conv2dBackpropFilter<T> conv2dBackpropFilter(Operand<T> input,
            Operand<TInt32> filterSizes, Operand<T> outBackprop, List<Long> strides, String padding,
            Conv2dBackpropFilter.Options... options) {
        return Conv2dBackpropFilter.create(scope, input, filterSizes, outBackprop, strides, padding, options);
    }

    /** Depthwise 2-D convolution; mirrors {@code tf.nn.depthwiseConv2dNative}. */
    public <T extends TNumber> DepthwiseConv2dNative<T> depthwiseConv2dNative(Operand<T> input, Operand<T> filter,
            List<Long> strides, String padding, DepthwiseConv2dNative.Options... options) {
        return DepthwiseConv2dNative.create(scope, input, filter, strides, padding, options);
    }

    /**
     * The gradient of depthwiseConv2dNative with respect to its input; mirrors
     * {@code tf.nn.depthwiseConv2dNativeBackpropInput}.
     */
    public <T extends TNumber> DepthwiseConv2dNativeBackpropInput<T> depthwiseConv2dNativeBackpropInput(
            Operand<TInt32> inputSizes, Operand<T> filter, Operand<T> outBackprop, List<Long> strides,
            String padding, DepthwiseConv2dNativeBackpropInput.Options... options) {
        return DepthwiseConv2dNativeBackpropInput.create(scope, inputSizes, filter, outBackprop, strides, padding,
                options);
    }

    /**
     * The gradient of depthwiseConv2dNative with respect to its filter; mirrors
     * {@code tf.nn.depthwiseConv2dNativeBackpropFilter}.
     */
    public <T extends TNumber> DepthwiseConv2dNativeBackpropFilter<T> depthwiseConv2dNativeBackpropFilter(
            Operand<T> input, Operand<TInt32> filterSizes, Operand<T> outBackprop, List<Long> strides,
            String padding, DepthwiseConv2dNativeBackpropFilter.Options... options) {
        return DepthwiseConv2dNativeBackpropFilter.create(scope, input, filterSizes, outBackprop, strides, padding,
                options);
    }

    /** Adds a bias along the channel dimension; mirrors {@code tf.nn.biasAdd}. */
    public <T extends TType> BiasAdd<T> biasAdd(Operand<T> value, Operand<T> bias, BiasAdd.Options... options) {
        return BiasAdd.create(scope, value, bias, options);
    }

    /** The gradient of biasAdd with respect to the bias; mirrors {@code tf.nn.biasAddGrad}. */
    public <T extends TType> BiasAddGrad<T> biasAddGrad(Operand<T> outBackprop, BiasAddGrad.Options... options) {
        return BiasAddGrad.create(scope, outBackprop, options);
    }

    /** Max pooling (TF op MaxPoolV2); mirrors {@code tf.nn.maxPool}. */
    public <T extends TNumber> MaxPool<T> maxPool(Operand<T> input, Operand<TInt32> ksize, Operand<TInt32> strides,
            String padding, MaxPool.Options... options) {
        return MaxPool.create(scope, input, ksize, strides, padding, options);
    }

    /** The gradient of maxPool (TF op MaxPoolGradV2); mirrors {@code tf.nn.maxPoolGrad}. */
    public <T extends TNumber> MaxPoolGrad<T> maxPoolGrad(Operand<T> origInput, Operand<T> origOutput,
            Operand<T> grad, Operand<TInt32> ksize, Operand<TInt32> strides, String padding,
            MaxPoolGrad.Options... options) {
        return MaxPoolGrad.create(scope, origInput, origOutput, grad, ksize, strides, padding, options);
    }

    /** The gradient of maxPoolGrad (TF op MaxPoolGradGradV2); mirrors {@code tf.nn.maxPoolGradGrad}. */
    public <T extends TNumber> MaxPoolGradGrad<T> maxPoolGradGrad(Operand<T> origInput, Operand<T> origOutput,
            Operand<T> grad, Operand<TInt32> ksize, Operand<TInt32> strides, String padding,
            MaxPoolGradGrad.Options... options) {
        return MaxPoolGradGrad.create(scope, origInput, origOutput, grad, ksize, strides, padding, options);
    }

    /** Average pooling; mirrors {@code tf.nn.avgPool}. */
    public <T extends TNumber> AvgPool<T> avgPool(Operand<T> value, List<Long> ksize, List<Long> strides,
            String padding, AvgPool.Options... options) {
        return AvgPool.create(scope, value, ksize, strides, padding, options);
    }

    /** The gradient of avgPool; mirrors {@code tf.nn.avgPoolGrad}. */
    public <T extends TNumber> AvgPoolGrad<T> avgPoolGrad(Operand<TInt32> origInputShape, Operand<T> grad,
            List<Long> ksize, List<Long> strides, String padding, AvgPoolGrad.Options... options) {
        return AvgPoolGrad.create(scope, origInputShape, grad, ksize, strides, padding, options);
    }

    /** {@code min(max(features, 0), 6)}; mirrors {@code tf.nn.relu6}. */
    public <T extends TNumber> Relu6<T> relu6(Operand<T> features) {
        return Relu6.create(scope, features);
    }

    /** Exponential linear unit; mirrors {@code tf.nn.elu}. */
    public <T extends TNumber> Elu<T> elu(Operand<T> features) {
        return Elu.create(scope, features);
    }

    /** Scaled exponential linear unit; mirrors {@code tf.nn.selu}. */
    public <T extends TNumber> Selu<T> selu(Operand<T> features) {
        return Selu.create(scope, features);
    }

    /** Leaky ReLU (alpha 0.2 by default); mirrors {@code tf.nn.leakyRelu}. */
    public <T extends TNumber> LeakyRelu<T> leakyRelu(Operand<T> features, LeakyRelu.Options... options) {
        return LeakyRelu.create(scope, features, options);
    }

    /** {@code features / (|features| + 1)}; mirrors {@code tf.nn.softsign}. */
    public <T extends TNumber> Softsign<T> softsign(Operand<T> features) {
        return Softsign.create(scope, features);
    }

    /** The gradient of relu; mirrors {@code tf.nn.reluGrad}. */
    public <T extends TNumber> ReluGrad<T> reluGrad(Operand<T> gradients, Operand<T> features) {
        return ReluGrad.create(scope, gradients, features);
    }

    /** The gradient of relu6; mirrors {@code tf.nn.relu6Grad}. */
    public <T extends TNumber> Relu6Grad<T> relu6Grad(Operand<T> gradients, Operand<T> features) {
        return Relu6Grad.create(scope, gradients, features);
    }

    /** The gradient of elu from its outputs; mirrors {@code tf.nn.eluGrad}. */
    public <T extends TNumber> EluGrad<T> eluGrad(Operand<T> gradients, Operand<T> outputs) {
        return EluGrad.create(scope, gradients, outputs);
    }

    /** The gradient of selu from its outputs; mirrors {@code tf.nn.seluGrad}. */
    public <T extends TNumber> SeluGrad<T> seluGrad(Operand<T> gradients, Operand<T> outputs) {
        return SeluGrad.create(scope, gradients, outputs);
    }

    /** Softmax along the last dimension; mirrors {@code tf.nn.softmax}. */
    public <T extends TNumber> Softmax<T> softmax(Operand<T> logits) {
        return Softmax.create(scope, logits);
    }

    /** Log-softmax along the last dimension; mirrors {@code tf.nn.logSoftmax}. */
    public <T extends TNumber> LogSoftmax<T> logSoftmax(Operand<T> logits) {
        return LogSoftmax.create(scope, logits);
    }

    /**
     * Cross entropy against label distributions, with its gradient; mirrors
     * {@code tf.nn.softmaxCrossEntropyWithLogits}.
     */
    public <T extends TNumber> SoftmaxCrossEntropyWithLogits<T> softmaxCrossEntropyWithLogits(Operand<T> features,
            Operand<T> labels) {
        return SoftmaxCrossEntropyWithLogits.create(scope, features, labels);
    }

    /**
     * Cross entropy against class indices, with its gradient; mirrors
     * {@code tf.nn.sparseSoftmaxCrossEntropyWithLogits}.
     */
    public <T extends TNumber> SparseSoftmaxCrossEntropyWithLogits<T> sparseSoftmaxCrossEntropyWithLogits(
            Operand<T> features, Operand<? extends TNumber> labels) {
        return SparseSoftmaxCrossEntropyWithLogits.create(scope, features, labels);
    }

    /** Batch normalisation (TF op FusedBatchNormV3); mirrors {@code tf.nn.fusedBatchNorm}. */
    public <T extends TNumber, U extends TNumber> FusedBatchNorm<T, U> fusedBatchNorm(Operand<T> x, Operand<U> scale,
            Operand<U> offset, Operand<U> mean, Operand<U> variance, FusedBatchNorm.Options... options) {
        return FusedBatchNorm.create(scope, x, scale, offset, mean, variance, options);
    }

    /** The gradient of fusedBatchNorm (TF op FusedBatchNormGradV3); mirrors {@code tf.nn.fusedBatchNormGrad}. */
    public <T extends TNumber, U extends TNumber> FusedBatchNormGrad<T, U> fusedBatchNormGrad(Operand<T> yBackprop,
            Operand<T> x, Operand<TFloat32> scale, Operand<U> reserveSpace1, Operand<U> reserveSpace2,
            Operand<U> reserveSpace3, FusedBatchNormGrad.Options... options) {
        return FusedBatchNormGrad.create(scope, yBackprop, x, scale, reserveSpace1, reserveSpace2, reserveSpace3,
                options);
    }

    /** Local response normalisation (TF op LRN); mirrors {@code tf.nn.localResponseNormalization}. */
    public <T extends TNumber> LocalResponseNormalization<T> localResponseNormalization(Operand<T> input,
            LocalResponseNormalization.Options... options) {
        return LocalResponseNormalization.create(scope, input, options);
    }

    /** {@code sum(t ** 2) / 2}; mirrors {@code tf.nn.l2Loss}. */
    public <T extends TNumber> L2Loss<T> l2Loss(Operand<T> t) {
        return L2Loss.create(scope, t);
    }
}
