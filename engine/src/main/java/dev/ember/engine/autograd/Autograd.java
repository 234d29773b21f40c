package dev.ember.engine.autograd;

import dev.ember.engine.GradMode;
import dev.ember.engine.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs backward passes; mirrors {@code torch.autograd.backward} and {@code torch.autograd.grad}.
 *
 * <p>The graph reachable from the roots is ordered topologically (reverse DFS post-order, so a
 * node runs only after every node that feeds it a gradient). Gradients reaching one node from
 * several paths are summed before it runs. Without {@code createGraph} the pass runs in no-grad
 * mode; with it, backward formulas record their own graph (double backward).
 */
public final class Autograd {
    private Autograd() {
    }

    /** Accumulates gradients of {@code roots} into the {@code grad} of the leaves they depend on. */
    public static void backward(Tensor[] roots, Tensor[] gradRoots, boolean retainGraph, boolean createGraph) {
        run(roots, gradRoots, retainGraph, createGraph, null, false);
    }

    /**
     * Returns the gradients of {@code outputs} with respect to {@code inputs} without touching any
     * {@code .grad}; mirrors {@code torch.autograd.grad}. An input the outputs do not depend on gets
     * {@code null} when {@code allowUnused}, else an error.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean retainGraph,
            boolean createGraph, boolean allowUnused) {
        for (int i = 0; i < inputs.length; i++) {
            if (!inputs[i].requiresGrad()) {
                throw new IllegalArgumentException("Autograd.grad: inputs[" + i + "] does not require grad");
            }
        }
        Tensor[] result = run(outputs, gradOutputs, retainGraph, createGraph, inputs, true);
        for (int i = 0; i < result.length; i++) {
            if (result[i] == null && !allowUnused) {
                throw new IllegalArgumentException("Autograd.grad: inputs[" + i + "] (shape "
                        + Arrays.toString(inputs[i].shape()) + ") was not used to compute the outputs; "
                        + "pass allowUnused=true to get null for it");
            }
        }
        return result;
    }

    private static Tensor[] run(Tensor[] roots, Tensor[] gradRoots, boolean retainGraph, boolean createGraph,
            Tensor[] captureInputs, boolean gradOnly) {
        Map<Node, Tensor[]> buffers = new IdentityHashMap<>();
        List<Node> starts = new ArrayList<>();
        for (int i = 0; i < roots.length; i++) {
            Tensor root = roots[i];
            if (!root.requiresGrad()) {
                throw new IllegalArgumentException("element " + i + " of tensors does not require grad and does not "
                        + "have a gradFn (was it computed inside NoGrad, or from tensors without requiresGrad_(true)?)");
            }
            Tensor g = gradRoots == null || gradRoots[i] == null ? implicitGrad(root) : checkGrad(root, gradRoots[i], i);
            Edge e = root.gradientEdge();
            addTo(buffers, e, g, createGraph);
            starts.add(e.function());
        }
        Map<Node, int[]> captureAt = new IdentityHashMap<>();
        Tensor[] captured = captureInputs == null ? null : new Tensor[captureInputs.length];
        if (captureInputs != null) {
            for (int i = 0; i < captureInputs.length; i++) {
                Edge e = captureInputs[i].gradientEdge();
                captureAt.put(e.function(), append(captureAt.get(e.function()), i, e.inputNr()));
            }
        }
        List<Node> order = topologicalOrder(starts);
        boolean previous = GradMode.setEnabled(createGraph);
        try {
            for (Node node : order) {
                Tensor[] grads = buffers.remove(node);
                if (grads == null) {
                    continue;
                }
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = node.runPreHooks(i, grads[i]);
                }
                int[] cap = captureAt.get(node);
                if (cap != null) {
                    for (int k = 0; k < cap.length; k += 2) {
                        captured[cap[k]] = grads[cap[k + 1]];
                    }
                }
                if (gradOnly && node instanceof AccumulateGrad) {
                    continue;
                }
                Tensor[] inputGrads = node.apply(grads);
                if (!retainGraph) {
                    node.release();
                }
                Edge[] edges = node.edges();
                for (int i = 0; i < edges.length; i++) {
                    if (edges[i].isValid() && inputGrads[i] != null) {
                        addTo(buffers, edges[i], inputGrads[i], createGraph);
                    }
                }
            }
        } finally {
            GradMode.setEnabled(previous);
        }
        return captured;
    }

    private static int[] append(int[] a, int inputIndex, int outputNr) {
        int[] base = a == null ? new int[0] : a;
        int[] r = Arrays.copyOf(base, base.length + 2);
        r[base.length] = inputIndex;
        r[base.length + 1] = outputNr;
        return r;
    }

    private static Tensor implicitGrad(Tensor root) {
        if (root.numel() != 1) {
            throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs; backward() "
                    + "on a tensor of shape " + Arrays.toString(root.shape()) + " needs a gradient argument "
                    + "(backward(gradient)), e.g. Tensor.onesLike(out)");
        }
        return Tensor.onesLike(root);
    }

    private static Tensor checkGrad(Tensor root, Tensor grad, int i) {
        if (!Arrays.equals(root.shape(), grad.shape())) {
            throw new IllegalArgumentException("backward: gradient " + i + " has shape " + Arrays.toString(grad.shape())
                    + " but the output has shape " + Arrays.toString(root.shape()));
        }
        return grad;
    }

    private static void addTo(Map<Node, Tensor[]> buffers, Edge e, Tensor g, boolean createGraph) {
        Tensor[] buf = buffers.computeIfAbsent(e.function(), n -> new Tensor[n.numOutputs()]);
        Tensor existing = buf[e.inputNr()];
        buf[e.inputNr()] = existing == null ? g : existing.add(g);
    }

    /** Nodes reachable from {@code starts}, each after all nodes that send it gradients. */
    private static List<Node> topologicalOrder(List<Node> starts) {
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        List<Node> postOrder = new ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (Node s : starts) {
            if (visited.put(s, Boolean.TRUE) != null) {
                continue;
            }
            stack.push(new Object[] {s, 0});
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                Node n = (Node) frame[0];
                int idx = (Integer) frame[1];
                Edge[] edges = n.edges();
                if (idx < edges.length) {
                    frame[1] = idx + 1;
                    Node child = edges[idx].function();
                    if (child != null && visited.put(child, Boolean.TRUE) == null) {
                        stack.push(new Object[] {child, 0});
                    }
                } else {
                    stack.pop();
                    postOrder.add(n);
                }
            }
        }
        java.util.Collections.reverse(postOrder);
        return postOrder;
    }
}
