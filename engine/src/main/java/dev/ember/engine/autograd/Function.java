package dev.ember.engine.autograd;

import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.Arrays;

/**
 * A user-defined differentiable op; mirrors {@code torch.autograd.Function}.
 *
 * <pre>{@code
 * class BinarizeSign extends Function {        // XNOR-net: sign forward, clipped straight-through backward
 *     protected Tensor[] forward(FunctionCtx ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return outputs(in[0].sign());
 *     }
 *     protected Tensor[] backward(FunctionCtx ctx, Tensor... grads) {
 *         Tensor x = ctx.savedTensors()[0];
 *         return outputs(grads[0].mul(x.abs().le(1.0)));
 *     }
 * }
 * Tensor y = new BinarizeSign().apply(x);
 * }</pre>
 * Forward runs without recording (as in PyTorch); its outputs get one node named after the class
 * ({@code BinarizeSignBackward}). Backward returns one gradient per input ({@code null} for
 * inputs that need none); shapes are checked.
 */
public abstract class Function {

    /** Computes the outputs; runs with grad recording off. */
    protected abstract Tensor[] forward(FunctionCtx ctx, Tensor... inputs);

    /** Returns the gradients of the inputs given the gradients of the outputs. */
    protected abstract Tensor[] backward(FunctionCtx ctx, Tensor... gradOutputs);

    /** Varargs helper for returning several tensors. */
    protected static Tensor[] outputs(Tensor... tensors) {
        return tensors;
    }

    /** Runs the function on {@code inputs}; returns its single output. */
    public final Tensor apply(Tensor... inputs) {
        Tensor[] out = applyAll(inputs);
        if (out.length != 1) {
            throw new IllegalStateException(getClass().getSimpleName() + ".forward returned " + out.length
                    + " outputs; use applyAll");
        }
        return out[0];
    }

    /** Runs the function on {@code inputs}; returns all outputs. */
    public final Tensor[] applyAll(Tensor... inputs) {
        boolean[] needs = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            needs[i] = inputs[i] != null && inputs[i].requiresGrad() && dev.ember.engine.GradMode.isEnabled();
        }
        FunctionCtx ctx = new FunctionCtx(needs);
        Tensor[] raw;
        try (NoGrad ignored = NoGrad.enter()) {
            raw = forward(ctx, inputs);
        }
        if (raw == null || raw.length == 0) {
            throw new IllegalStateException(getClass().getSimpleName() + ".forward returned no outputs");
        }
        Tensor[] out = new Tensor[raw.length];
        for (int i = 0; i < raw.length; i++) {
            // An output that is an input (or a view of one) gets its own identity, as PyTorch does.
            out[i] = Arrays.asList(inputs).contains(raw[i]) ? raw[i].detach() : raw[i];
        }
        return Node.recordAll(out, () -> new CustomNode(this, ctx, inputs), inputs);
    }

    /** The node recorded for one call of a custom function. */
    private static final class CustomNode extends Node {
        private final Function function;
        private final FunctionCtx ctx;
        private final long[][] inputShapes;

        CustomNode(Function function, FunctionCtx ctx, Tensor[] inputs) {
            super(inputs);
            this.function = function;
            this.ctx = ctx;
            this.inputShapes = new long[inputs.length][];
            for (int i = 0; i < inputs.length; i++) {
                inputShapes[i] = inputs[i] == null ? null : inputs[i].shape();
            }
            ctx.bind(this);
        }

        @Override
        public String name() {
            return function.getClass().getSimpleName() + "Backward";
        }

        @Override
        protected Tensor[] backward(Tensor[] gradOutputs) {
            Tensor[] grads = function.backward(ctx, gradOutputs);
            if (grads == null || grads.length != inputShapes.length) {
                throw new IllegalStateException(function.getClass().getSimpleName() + ".backward returned "
                        + (grads == null ? "null" : grads.length + " gradients") + ", expected "
                        + inputShapes.length + " (one per input, null where none is needed)");
            }
            for (int i = 0; i < grads.length; i++) {
                if (grads[i] != null && needsInputGrad(i) && !Arrays.equals(grads[i].shape(), inputShapes[i])) {
                    throw new IllegalStateException(function.getClass().getSimpleName() + ".backward: gradient " + i
                            + " has shape " + Arrays.toString(grads[i].shape()) + " but input " + i + " has shape "
                            + Arrays.toString(inputShapes[i]));
                }
                if (!needsInputGrad(i)) {
                    grads[i] = null;
                }
            }
            return grads;
        }
    }
}
