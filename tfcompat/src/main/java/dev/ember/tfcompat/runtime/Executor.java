package dev.ember.tfcompat.runtime;

import dev.ember.engine.GradMode;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.exceptions.TensorFlowException;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.runtime.kernels.CoreKernels;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one {@code Session.run}: evaluates exactly the nodes the fetches and targets need (TF1
 * pruning; a fed output cuts its producer off), in an order that honours data and control
 * dependencies, each node once. When the run contains gradient nodes, the forward runs with
 * autograd recording and the tensors being differentiated become leaves; otherwise without.
 */
public final class Executor {
    private Executor() {
    }

    /** Evaluates the plan; returns the fetched values in order. */
    public static Value[] run(SessionState session, Map<Output<?>, Value> feeds, List<Output<?>> fetches,
            List<GraphOperation> targets) {
        List<GraphOperation> order = plan(feeds.keySet(), fetches, targets);
        List<GraphOperation> gradientNodes = new ArrayList<>();
        for (GraphOperation op : order) {
            if (op.type().equals(CoreKernels.GRADIENTS)) {
                gradientNodes.add(op);
            }
        }
        Set<Output<?>> gradTargets = new HashSet<>();
        for (GraphOperation g : gradientNodes) {
            int ny = (int) ((Number) g.attrMap().get("num_ys")).longValue();
            int nx = (int) ((Number) g.attrMap().get("num_xs")).longValue();
            for (int i = 0; i < nx; i++) {
                gradTargets.add(g.input(ny + i));
            }
        }
        RunState run = new RunState(Collections.newSetFromMap(new IdentityHashMap<>()), nested(gradientNodes));
        Map<Output<?>, Value> values = new HashMap<>();
        feeds.forEach((o, v) -> values.put(o, gradTargets.contains(o) ? leaf(v) : v));
        boolean previous = GradMode.setEnabled(!gradientNodes.isEmpty());
        try {
            for (GraphOperation op : order) {
                Value[] in = new Value[op.numInputs()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = values.get(op.input(i));
                }
                Value[] out = compute(op, in, session, run);
                for (int i = 0; i < out.length; i++) {
                    Output<?> o = op.output(i);
                    if (feeds.containsKey(o)) {
                        continue;
                    }
                    Value v = out[i];
                    if (gradTargets.contains(o)) {
                        if (v.isRef()) {
                            run.addGradientSlot(v.slot());
                        } else {
                            v = leaf(v);
                        }
                    }
                    values.put(o, v);
                }
            }
        } finally {
            GradMode.setEnabled(previous);
        }
        Value[] result = new Value[fetches.size()];
        for (int i = 0; i < result.length; i++) {
            Value v = values.get(fetches.get(i));
            result[i] = v.isRef() ? Value.of(v.tensor(), v.dtype()) : v;
        }
        return result;
    }

    /**
     * Runs a function body: {@code order} (from {@link #plan}) with {@code feeds} for its arguments,
     * inside the caller's session and run (same variables, same gradient mode); returns {@code fetches}.
     */
    public static Value[] runFunction(SessionState session, RunState run, List<GraphOperation> order,
            Map<Output<?>, Value> feeds, List<Output<?>> fetches) {
        Map<Output<?>, Value> values = new HashMap<>(feeds);
        for (GraphOperation op : order) {
            Value[] in = new Value[op.numInputs()];
            for (int i = 0; i < in.length; i++) {
                in[i] = values.get(op.input(i));
            }
            Value[] out = compute(op, in, session, run);
            for (int i = 0; i < out.length; i++) {
                Output<?> o = op.output(i);
                if (!feeds.containsKey(o)) {
                    values.put(o, out[i]);
                }
            }
        }
        Value[] result = new Value[fetches.size()];
        for (int i = 0; i < result.length; i++) {
            Value v = values.get(fetches.get(i));
            result[i] = v.isRef() ? Value.of(v.tensor(), v.dtype()) : v;
        }
        return result;
    }

    private static Value[] compute(GraphOperation op, Value[] in, SessionState session, RunState run) {
        Kernel k = op.kernel();
        Value[] out;
        try {
            out = LayoutPass.compute(op, k, in, session, run);
        } catch (TensorFlowException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TFInvalidArgumentException("node '" + op.name() + "' (" + op.type() + "): " + e.getMessage(), e);
        }
        if (out.length != op.numOutputs()) {
            throw new IllegalStateException("kernel of " + op.type() + " returned " + out.length + " outputs, the node has "
                    + op.numOutputs());
        }
        return out;
    }

    /** A floating value made a gradient leaf, unless it already carries history (then it is used as is, in TF layout). */
    private static Value leaf(Value v) {
        if (v.isRef() || v.isResource() || v.isStrings()) {
            return v;
        }
        Tensor t = v.tensor();
        if (t.requiresGrad() || !t.dtype().isFloatingPoint()) {
            // A gradient target is differentiated as the TF tensor: consumers then all start from it.
            return v.layout() == Layout.LOGICAL ? v : Value.of(t, v.dtype());
        }
        return Value.of(t.detach().requiresGrad_(true), v.dtype());
    }

    /** Nodes needed for the fetches and targets, dependencies first (a fed output cuts its producer off). */
    public static List<GraphOperation> plan(Set<Output<?>> fed, List<Output<?>> fetches, List<GraphOperation> targets) {
        List<GraphOperation> roots = new ArrayList<>();
        for (Output<?> f : fetches) {
            if (!fed.contains(f)) {
                roots.add((GraphOperation) f.op());
            }
        }
        roots.addAll(targets);
        Map<GraphOperation, Boolean> visited = new IdentityHashMap<>();
        List<GraphOperation> order = new ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (GraphOperation root : roots) {
            if (visited.put(root, Boolean.TRUE) != null) {
                continue;
            }
            stack.push(new Object[] {root, dependencies(root, fed), 0});
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                @SuppressWarnings("unchecked")
                List<GraphOperation> deps = (List<GraphOperation>) frame[1];
                int i = (Integer) frame[2];
                if (i < deps.size()) {
                    frame[2] = i + 1;
                    GraphOperation d = deps.get(i);
                    if (visited.put(d, Boolean.TRUE) == null) {
                        stack.push(new Object[] {d, dependencies(d, fed), 0});
                    }
                } else {
                    stack.pop();
                    order.add((GraphOperation) frame[0]);
                }
            }
        }
        return order;
    }

    private static List<GraphOperation> dependencies(GraphOperation op, Set<Output<?>> fed) {
        List<GraphOperation> deps = new ArrayList<>();
        for (Output<?> in : op.inputOutputs()) {
            if (!fed.contains(in)) {
                deps.add((GraphOperation) in.op());
            }
        }
        for (GraphOperation c : op.controlInputList()) {
            if (!isFed(c, fed)) {
                deps.add(c);
            }
        }
        return deps;
    }

    /** A node with a fed output counts as run for control dependencies (TF moves its control edges to the feed). */
    private static boolean isFed(GraphOperation op, Set<Output<?>> fed) {
        for (int i = 0; i < op.numOutputs(); i++) {
            if (fed.contains(op.output(i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} when a gradient node depends on another (second-order gradients need a differentiable first pass). */
    private static boolean nested(List<GraphOperation> gradientNodes) {
        if (gradientNodes.size() < 2) {
            return false;
        }
        Set<GraphOperation> grads = Collections.newSetFromMap(new IdentityHashMap<>());
        grads.addAll(gradientNodes);
        for (GraphOperation g : gradientNodes) {
            Deque<GraphOperation> todo = new ArrayDeque<>();
            Set<GraphOperation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Output<?> in : g.inputOutputs()) {
                todo.push((GraphOperation) in.op());
            }
            while (!todo.isEmpty()) {
                GraphOperation op = todo.pop();
                if (!seen.add(op)) {
                    continue;
                }
                if (grads.contains(op)) {
                    return true;
                }
                for (Output<?> in : op.inputOutputs()) {
                    todo.push((GraphOperation) in.op());
                }
            }
        }
        return false;
    }
}
