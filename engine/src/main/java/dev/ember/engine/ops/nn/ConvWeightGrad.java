package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Kernels;

/**
 * The gradient of a convolution with respect to its weight, as a differentiable op (PyTorch's
 * {@code torch.nn.grad.conv2d_weight}), so that gradients of gradients work. It is bilinear in
 * the input and the output gradient: its own gradients are a transposed convolution and a
 * convolution with the incoming weight-shaped gradient.
 */
final class ConvWeightGrad extends Node {
    private final SavedTensor input;
    private final SavedTensor gradOutput;
    private final long[] inputShape;
    private final ConvGeometry geometry;

    private ConvWeightGrad(Tensor x, Tensor g, ConvGeometry geometry) {
        super(x, g);
        this.input = needsInputGrad(1) ? save(x) : null;
        this.gradOutput = needsInputGrad(0) ? save(g) : null;
        this.inputShape = x.shape();
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "ConvolutionBackwardBackward0";
    }

    static Tensor apply(Tensor x, Tensor g, long[] weightShape, ConvGeometry geo) {
        Tensor out = Tensor.wrap(Kernels.nn().conv2dWeightGrad(x.array(), g.array(), weightShape, geo.stride(),
                geo.padding(), geo.dilation(), geo.groups()));
        return record(out, () -> new ConvWeightGrad(x, g, geo), x, g);
    }

    @Override
    protected Tensor[] backward(Tensor gw) {
        // <gw, W(x, g)> = <g, conv(x, gw)>: linear in x through a transposed conv, in g through a conv.
        return new Tensor[] {
            needsInputGrad(0) ? ConvTranspose2d.inputGrad(gradOutput.get(), gw, inputShape, geometry) : null,
            needsInputGrad(1) ? Conv2d.forward(input.get(), gw, null, geometry) : null};
    }
}
