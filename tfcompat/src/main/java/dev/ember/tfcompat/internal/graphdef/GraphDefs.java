package dev.ember.tfcompat.internal.graphdef;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.GraphOperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFUnimplementedException;
import dev.ember.tfcompat.runtime.OpRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import dev.ember.tfcompat.runtime.FunctionLibrary;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.VersionDef;

/** Imports a {@code GraphDef} into a {@link Graph} (all unsupported op types reported at once) and exports one. */
public final class GraphDefs {
    private GraphDefs() {
    }

    /** Adds {@code def}'s nodes to {@code graph}, names prefixed with {@code prefix/} when given. */
    public static void importInto(Graph graph, GraphDef def, String prefix) {
        checkSupported(def, graph.functionLibrary());
        String p = prefix == null || prefix.isEmpty() ? "" : prefix + "/";
        Map<String, NodeDef> byName = new LinkedHashMap<>();
        for (NodeDef n : def.getNodeList()) {
            if (byName.put(n.getName(), n) != null) {
                throw new TFInvalidArgumentException("GraphDef has two nodes named '" + n.getName() + "'");
            }
            if (graph.operation(p + n.getName()) != null) {
                throw new TFInvalidArgumentException("importing the GraphDef would duplicate node '" + p + n.getName()
                        + "'; import with a prefix");
            }
        }
        List<NodeDef> order = topologicalOrder(byName);
        for (FunctionDef f : def.getLibrary().getFunctionList()) {
            graph.functionLibrary().add(f);
        }
        for (NodeDef n : order) {
            GraphOperationBuilder b = graph.opBuilder(n.getOp(), p + n.getName());
            for (String in : n.getInputList()) {
                if (in.startsWith("^")) {
                    b.addControlInput(graph.operationOrThrow(p + in.substring(1)));
                } else {
                    b.addInput(output(graph, p, in, n));
                }
            }
            if (!n.getDevice().isEmpty()) {
                b.setDevice(n.getDevice());
            }
            n.getAttrMap().forEach((k, v) -> b.setAttrValue(k, AttrValues.toJava(v)));
            try {
                b.build();
            } catch (RuntimeException e) {
                throw new TFInvalidArgumentException("importing node '" + n.getName() + "' (" + n.getOp() + "): "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * Every op type the registry lacks, with the nodes using it, in one error: the graph's nodes and
     * the nodes of every function of its library (an op type naming a library function is a call).
     */
    public static void checkSupported(GraphDef def, FunctionLibrary existing) {
        java.util.Set<String> functions = new java.util.HashSet<>();
        existing.functions().forEach(f -> functions.add(f.getSignature().getName()));
        def.getLibrary().getFunctionList().forEach(f -> functions.add(f.getSignature().getName()));
        Map<String, List<String>> missing = new TreeMap<>();
        for (NodeDef n : def.getNodeList()) {
            if (OpRegistry.get(n.getOp()) == null && !functions.contains(n.getOp())) {
                missing.computeIfAbsent(n.getOp(), k -> new ArrayList<>()).add(n.getName());
            }
        }
        for (FunctionDef f : def.getLibrary().getFunctionList()) {
            for (NodeDef n : f.getNodeDefList()) {
                if (OpRegistry.get(n.getOp()) == null && !functions.contains(n.getOp())) {
                    missing.computeIfAbsent(n.getOp(), k -> new ArrayList<>())
                            .add(n.getName() + " in function " + f.getSignature().getName());
                }
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder sb = new StringBuilder("the GraphDef uses " + missing.size()
                    + " op type(s) Ember's tfcompat does not support:");
            missing.forEach((type, nodes) -> sb.append("\n  ").append(type).append(" (").append(nodes.size())
                    .append(" node").append(nodes.size() == 1 ? "" : "s").append(": ")
                    .append(String.join(", ", nodes.subList(0, Math.min(5, nodes.size()))))
                    .append(nodes.size() > 5 ? ", ..." : "").append(')'));
            throw new TFUnimplementedException(sb.toString());
        }
    }

    private static Output<?> output(Graph graph, String prefix, String input, NodeDef consumer) {
        int colon = input.lastIndexOf(':');
        String name = colon > 0 ? input.substring(0, colon) : input;
        int index = colon > 0 ? Integer.parseInt(input.substring(colon + 1)) : 0;
        GraphOperation op = graph.operation(prefix + name);
        if (op == null) {
            throw new TFInvalidArgumentException("node '" + consumer.getName() + "' has input '" + input
                    + "' but the GraphDef has no node named '" + name + "'");
        }
        if (index >= op.numOutputs()) {
            throw new TFInvalidArgumentException("node '" + consumer.getName() + "' reads output " + index + " of '"
                    + name + "', which has " + op.numOutputs() + " outputs");
        }
        return op.output(index);
    }

    /** Nodes ordered so that every node comes after its inputs (GraphDefs need not be sorted). */
    private static List<NodeDef> topologicalOrder(Map<String, NodeDef> byName) {
        return dependencyOrder(byName, n -> {
            java.util.Set<String> deps = new java.util.LinkedHashSet<>();
            for (String in : n.getInputList()) {
                String src = in.startsWith("^") ? in.substring(1)
                        : in.lastIndexOf(':') > 0 ? in.substring(0, in.lastIndexOf(':')) : in;
                if (byName.containsKey(src)) {
                    deps.add(src);
                }
            }
            return deps;
        }, stuck -> new TFUnimplementedException("the GraphDef has a cycle (TF1 while-loop frames: Enter/Exit/"
                + "NextIteration), which tfcompat does not run; nodes on it: " + stuck));
    }

    /**
     * Kahn's order of {@code byName}'s nodes (ties in map order), each after {@code depsOf} it (names in
     * {@code byName}); the nodes left on a cycle, sorted, go to {@code onCycle} for the error to throw.
     */
    public static List<NodeDef> dependencyOrder(Map<String, NodeDef> byName,
            java.util.function.Function<NodeDef, java.util.Set<String>> depsOf,
            java.util.function.Function<java.util.SortedSet<String>, RuntimeException> onCycle) {
        Map<String, Integer> pending = new LinkedHashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        for (NodeDef n : byName.values()) {
            java.util.Set<String> deps = depsOf.apply(n);
            for (String d : deps) {
                consumers.computeIfAbsent(d, k -> new ArrayList<>()).add(n.getName());
            }
            pending.put(n.getName(), deps.size());
        }
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((k, v) -> {
            if (v == 0) {
                ready.add(k);
            }
        });
        List<NodeDef> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            order.add(byName.get(n));
            for (String c : consumers.getOrDefault(n, List.of())) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < byName.size()) {
            TreeSet<String> stuck = new TreeSet<>();
            pending.forEach((k, v) -> {
                if (v > 0) {
                    stuck.add(k);
                }
            });
            throw onCycle.apply(stuck);
        }
        return order;
    }

    /** The graph as a GraphDef (nodes in insertion order). */
    public static GraphDef export(Graph graph) {
        GraphDef.Builder g = GraphDef.newBuilder().setVersions(VersionDef.newBuilder().setProducer(1994));
        for (Iterator<GraphOperation> it = graph.operations(); it.hasNext();) {
            GraphOperation op = it.next();
            NodeDef.Builder n = NodeDef.newBuilder().setName(op.name()).setOp(op.type()).setDevice(op.device());
            for (Output<?> in : op.inputOutputs()) {
                n.addInput(in.index() == 0 ? in.op().name() : in.op().name() + ":" + in.index());
            }
            for (GraphOperation c : op.controlInputList()) {
                n.addInput("^" + c.name());
            }
            op.attrMap().forEach((k, v) -> n.putAttr(k, AttrValues.fromJava(v)));
            g.addNode(n);
        }
        List<FunctionDef> functions = graph.functionLibrary().functions();
        if (!functions.isEmpty()) {
            g.setLibrary(FunctionDefLibrary.newBuilder().addAllFunction(functions));
        }
        return g.build();
    }
}
