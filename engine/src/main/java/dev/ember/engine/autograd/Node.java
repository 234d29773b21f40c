package dev.ember.engine.autograd;

import dev.ember.engine.DType;
import dev.ember.engine.GradMode;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A backward function in the autograd graph; what {@code tensor.gradFn()} returns, mirroring
 * PyTorch's {@code grad_fn} objects ({@code MulBackward0}, {@code AccumulateGrad}, ...).
 *
 * <p>An op's class extends this: its static {@code apply} computes the forward and, when a
 * gradient is needed, records an instance with {@link #record}; {@link #backward(Tensor)} (or
 * {@link #backward(Tensor[])} for several outputs) returns one gradient per input, written in
 * tensor ops so that {@code createGraph} gives double backward. Inputs that need no gradient
 * ({@link #needsInputGrad(int)} false) may get {@code null}.
 */
public abstract class Node {
    static final String FREED_MESSAGE = "Trying to backward through the graph a second time (or directly access "
            + "saved tensors after they have already been freed). Saved intermediate values of the graph are freed "
            + "when you call backward() or Autograd.grad(). Pass retainGraph=true to the first backward if you need "
            + "to backward through the graph a second time.";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Edge[] next;
    private final long sequenceNr = SEQUENCE.incrementAndGet();
    private final List<SavedTensor> saved = new ArrayList<>(2);
    private long[][] outputShapes = new long[1][];
    private DType[] outputDtypes = new DType[1];
    private List<UnaryOperator<Tensor>>[] preHooks;
    private boolean released;

    /** A node whose gradient flows to {@code inputs} (null entries and non-grad inputs get no edge). */
    protected Node(Tensor... inputs) {
        next = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            next[i] = inputs[i] == null ? Edge.NONE : inputs[i].gradientEdge();
        }
    }

    /**
     * Runs the forward's bookkeeping: when grad mode is on and some input requires grad, creates
     * the node with {@code factory} and makes it {@code output}'s {@code gradFn}. Returns {@code output}.
     * The factory runs only then, so saved tensors cost nothing in no-grad code.
     */
    public static Tensor record(Tensor output, java.util.function.Supplier<? extends Node> factory,
            Tensor... inputs) {
        if (!needsGrad(inputs)) {
            return output;
        }
        Node node = factory.get();
        node.setOutput(0, output);
        return output;
    }

    /** Like {@link #record} for ops with several outputs. */
    public static Tensor[] recordAll(Tensor[] outputs, java.util.function.Supplier<? extends Node> factory,
            Tensor... inputs) {
        if (!needsGrad(inputs)) {
            return outputs;
        }
        Node node = factory.get();
        node.outputShapes = new long[outputs.length][];
        node.outputDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] != null && outputs[i].dtype().isFloatingPoint()) {
                node.setOutput(i, outputs[i]);
            }
        }
        return outputs;
    }

    /** {@code true} when grad mode is on and some input requires grad. */
    public static boolean needsGrad(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    private void setOutput(int i, Tensor output) {
        outputShapes[i] = output.shape();
        outputDtypes[i] = output.dtype();
        output.attachGradFn(this, i);
    }

    /** PyTorch's name for this backward, e.g. {@code MulBackward0}; defaults to the class name + "Backward0". */
    public String name() {
        return getClass().getSimpleName() + "Backward0";
    }

    /** The edges to the nodes of this node's inputs, in input order; mirrors {@code grad_fn.next_functions}. */
    public List<Edge> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(next));
    }

    /** Number of outputs of the forward this node belongs to. */
    public int numOutputs() {
        return outputShapes.length;
    }

    /** {@code true} when input {@code i} receives a gradient; mirrors {@code ctx.needs_input_grad[i]}. */
    public boolean needsInputGrad(int i) {
        return next[i].isValid();
    }

    /** Keeps {@code t} for backward, checked against in-place changes; may be null. */
    protected SavedTensor save(Tensor t) {
        SavedTensor s = new SavedTensor(t, this);
        saved.add(s);
        return s;
    }

    /** Registers a hook on the gradient of output {@code outputNr} before this node runs. */
    public RemovableHandle registerPreHook(int outputNr, UnaryOperator<Tensor> hook) {
        if (preHooks == null) {
            @SuppressWarnings("unchecked")
            List<UnaryOperator<Tensor>>[] h = new List[numOutputs()];
            preHooks = h;
        }
        if (preHooks[outputNr] == null) {
            preHooks[outputNr] = new ArrayList<>(1);
        }
        List<UnaryOperator<Tensor>> list = preHooks[outputNr];
        list.add(hook);
        return () -> list.remove(hook);
    }

    /** Gradient of the single output: one entry per input. Override this or {@link #backward(Tensor[])}. */
    protected Tensor[] backward(Tensor gradOutput) {
        throw new IllegalStateException(name() + " must override backward(Tensor) or backward(Tensor[])");
    }

    /** Gradients of all outputs (zeros for outputs that got none): one entry per input. */
    protected Tensor[] backward(Tensor[] gradOutputs) {
        return backward(gradOutputs[0]);
    }

    /** Runs backward on {@code grads} (one per output); used by {@link Autograd}. */
    Tensor[] apply(Tensor[] grads) {
        // A freed node may run again if it needs no saved tensors (as in PyTorch); SavedTensor.get()
        // is what refuses a second pass through freed values.
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null) {
                grads[i] = Tensor.zeros(outputDtypes[i], outputShapes[i]);
            }
        }
        Tensor[] result = backward(grads);
        if (result.length != next.length) {
            throw new IllegalStateException(name() + " returned " + result.length + " gradients for "
                    + next.length + " inputs");
        }
        return result;
    }

    /** Runs the pre-hooks of output {@code i} on its gradient. */
    Tensor runPreHooks(int i, Tensor grad) {
        if (preHooks == null || preHooks[i] == null || grad == null) {
            return grad;
        }
        Tensor g = grad;
        for (UnaryOperator<Tensor> hook : new ArrayList<>(preHooks[i])) {
            Tensor r = hook.apply(g);
            if (r != null) {
                g = r;
            }
        }
        return g;
    }

    /** Frees saved tensors; a later backward through this node fails clearly. */
    void release() {
        released = true;
        for (SavedTensor s : saved) {
            s.release();
        }
        saved.clear();
    }

    /** {@code true} once backward freed this node's saved tensors. */
    public boolean isReleased() {
        return released;
    }

    long sequenceNr() {
        return sequenceNr;
    }

    Edge[] edges() {
        return next;
    }

    @Override
    public String toString() {
        return "<" + name() + ">";
    }
}
