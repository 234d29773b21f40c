package dev.ember.engine.ops.nn;

import dev.ember.engine.Tensor;
import dev.ember.engine.autograd.Node;
import dev.ember.engine.autograd.SavedTensor;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.Kernels;

/**
 * Both gradients of a convolution, {@code {gradInput, gradWeight}}, from one {@code conv2d_bp}
 * call; recorded as a node only when a graph of the backward is built (double backward).
 */
final class ConvBackward extends Node {
    private final SavedTensor input;
    private final SavedTensor weight;
    private final SavedTensor gradOutput;
    private final long[] inputShape;
    private final long[] weightShape;
    private final ConvGeometry geometry;

    private ConvBackward(Tensor x, Tensor w, Tensor g, ConvGeometry geometry) {
        super(x, w, g);
        this.input = save(x);
        this.weight = save(w);
        this.gradOutput = save(g);
        this.inputShape = x.shape();
        this.weightShape = w.shape();
        this.geometry = geometry;
    }

    @Override
    public String name() {
        return "ConvolutionBackwardBackward0";
    }

    static Tensor[] apply(Tensor x, Tensor w, Tensor g, ConvGeometry geo) {
        Array[] r = Kernels.nn().conv2dBackward(x.array(), w.array(), g.array(), geo.stride(), geo.padding(),
                geo.dilation(), geo.groups());
        Tensor[] out = {Tensor.wrap(r[0]), Tensor.wrap(r[1])};
        return recordAll(out, () -> new ConvBackward(x, w, g, geo), x, w, g);
    }

    @Override
    protected Tensor[] backward(Tensor[] grads) {
        // Outputs: gx = T(g, w) (transposed conv), gw = W(x, g) (weight gradient); both bilinear.
        Tensor ggx = grads[0];
        Tensor ggw = grads[1];
        Tensor x = input.get();
        Tensor w = weight.get();
        Tensor g = gradOutput.get();
        return new Tensor[] {
            needsInputGrad(0) ? ConvTranspose2d.inputGrad(g, ggw, inputShape, geometry) : null,
            needsInputGrad(1) ? ConvWeightGrad.apply(ggx, g, weightShape, geometry) : null,
            needsInputGrad(2) ? Conv2d.forward(ggx, w, null, geometry).add(Conv2d.forward(x, ggw, null, geometry))
                : null};
    }
}
