package dev.ember.migrate.graph;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.migrate.graph.ConvertedModel.Field;
import dev.ember.migrate.graph.ConvertedModel.Out;
import dev.ember.migrate.graph.ConvertedModel.Param;
import dev.ember.migrate.graph.GraphSource.TensorRef;
import dev.ember.migrate.graph.Val.Layout;
import dev.ember.tfcompat.internal.graphdef.TensorProtos;
import dev.ember.tfcompat.internal.types.TypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Walks the part of a graph the outputs depend on, in dependency order, and turns each node into
 * a field (a recognised layer, or a parameter per variable) and/or a {@code forward} statement
 * ({@link NodeConverters}). Values keep track of their layout: convolution paths run in NCHW,
 * converted at the boundary and back wherever an op needs TF's layout, so that no op ever sees a
 * layout it was not written for. Every failure is collected and reported at once.
 */
final class GraphConverter {
    private static final Set<String> VARIABLES = Set.of("VariableV2", "Variable", "VarHandleOp");
    private static final Set<String> READS = Set.of("Identity", "ReadVariableOp", "Snapshot");

    private final GraphSource source;
    private final Map<String, NodeDef> nodes = new LinkedHashMap<>();
    private final Map<String, List<String>> consumers = new HashMap<>();
    private final Set<String> outputNodes = new HashSet<>();
    private final Map<String, Val> values = new HashMap<>();
    private final Map<String, Tensor> weightCache = new HashMap<>();
    private final Map<String, Val> conversions = new HashMap<>();
    private final Set<String> absorbed = new HashSet<>();
    private final JavaNames names = new JavaNames();
    private final List<Field> fields = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();
    private final LinkedHashMap<String, Tensor> stateDict = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    /** Output names, reserved first so that the record components read like the graph's outputs. */
    private final Map<String, String> outputNames = new LinkedHashMap<>();
    /** Output nodes whose statement may take the output's name (the first statement of that node). */
    private final Map<String, String> unusedOutputNames = new HashMap<>();
    private NodeDef current;

    GraphConverter(GraphSource source) {
        this.source = source;
        for (NodeDef n : source.graph().getNodeList()) {
            nodes.put(n.getName(), n);
        }
        for (NodeDef n : source.graph().getNodeList()) {
            for (String in : n.getInputList()) {
                if (!in.startsWith("^")) {
                    consumers.computeIfAbsent(TensorRef.parse(in).node(), k -> new ArrayList<>()).add(n.getName());
                }
            }
        }
        source.outputs().values().forEach(r -> outputNodes.add(r.node()));
    }

    /** True for ops that are values rather than computations (variables, constants, placeholders). */
    static boolean isSource(String op) {
        return VARIABLES.contains(op) || op.equals("Const") || op.equals("Placeholder");
    }

    /** Converts the graph; a {@link ConvertException} lists every unsupported op and every refused node. */
    ConvertedModel convert() {
        List<Param> params = bindInputs();
        source.outputs().forEach((key, ref) -> {
            String name = names.fresh(key);
            outputNames.put(key, name);
            if (ref.index() == 0) {
                unusedOutputNames.putIfAbsent(ref.node(), name);
            }
        });
        List<String> order = order();
        checkSupported(order);
        for (String name : order) {
            NodeDef n = nodes.get(name);
            if (absorbed.contains(name) || values.containsKey(name + ":0") || isSource(n.getOp())
                    || (READS.contains(n.getOp()) && weightSource(n.getName()) != null)) {
                continue;
            }
            current = n;
            try {
                NodeConverters.convert(n, this);
            } catch (Unsupported e) {
                failures.put(n.getName() + " (" + n.getOp() + ")", e.getMessage());
                for (int i = 0; i < 8; i++) {
                    values.put(n.getName() + ":" + i, Val.plain("/* " + n.getName() + " */ null", null, DataType.DT_FLOAT));
                }
            }
        }
        List<Out> outs = outputs();
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder("convert-graph cannot convert " + failures.size() + " node(s) of "
                    + source.path() + ":");
            failures.forEach((node, why) -> sb.append("\n  ").append(node).append(": ").append(why));
            throw new ConvertException(sb.toString());
        }
        return new ConvertedModel(fields, params, statements, outs, stateDict, notes);
    }

    // ---------------------------------------------------------------- graph walk

    private List<Param> bindInputs() {
        List<Param> params = new ArrayList<>();
        source.inputs().forEach((key, ref) -> {
            NodeDef n = nodes.get(ref.node());
            if (n == null) {
                throw new ConvertException("input '" + key + "' names tensor " + ref.tensorName()
                        + " but the graph has no node '" + ref.node() + "'");
            }
            if (ref.index() != 0) {
                throw new ConvertException("input '" + key + "' is output " + ref.index() + " of node '" + ref.node()
                        + "'; only a node's first output can be an input");
            }
            String name = names.fresh(key);
            DataType dt = attrType(n, "dtype", "T");
            long[] shape = n.getAttrMap().containsKey("shape") ? shape(n.getAttrMap().get("shape")) : null;
            values.put(ref.node() + ":0", Val.plain(name, shape, dt));
            params.add(new Param(name, key, ref.node(), dt, shape));
        });
        return params;
    }

    /** The nodes the outputs depend on (data edges only), inputs before consumers. */
    private List<String> order() {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (TensorRef r : source.outputs().values()) {
            if (!nodes.containsKey(r.node())) {
                throw new ConvertException("output names tensor " + r.tensorName() + " but the graph has no node '"
                        + r.node() + "'");
            }
            visit(r.node(), order, done, onPath);
        }
        return order;
    }

    private void visit(String name, List<String> order, Set<String> done, Set<String> onPath) {
        if (done.contains(name)) {
            return;
        }
        if (!onPath.add(name)) {
            throw new ConvertException("the graph has a cycle through node '" + name + "' (a TF1 while loop?); "
                    + "convert-graph needs an acyclic graph");
        }
        NodeDef n = nodes.get(name);
        boolean input = values.containsKey(name + ":0");
        if (!input && !isSource(n.getOp())) {
            for (String in : n.getInputList()) {
                if (!in.startsWith("^")) {
                    String dep = TensorRef.parse(in).node();
                    if (!nodes.containsKey(dep)) {
                        throw new ConvertException("node '" + name + "' reads '" + in + "' but the graph has no node '"
                                + dep + "'");
                    }
                    visit(dep, order, done, onPath);
                }
            }
        }
        onPath.remove(name);
        done.add(name);
        order.add(name);
    }

    private void checkSupported(List<String> order) {
        Map<String, List<String>> missing = new TreeMap<>();
        List<String> strayPlaceholders = new ArrayList<>();
        for (String name : order) {
            NodeDef n = nodes.get(name);
            if (values.containsKey(name + ":0")) {
                continue;
            }
            if (n.getOp().equals("Placeholder")) {
                strayPlaceholders.add(name);
            } else if (!isSource(n.getOp()) && !NodeConverters.supports(n.getOp())) {
                missing.computeIfAbsent(n.getOp(), k -> new ArrayList<>()).add(name);
            }
        }
        if (!missing.isEmpty() || !strayPlaceholders.isEmpty()) {
            StringBuilder sb = new StringBuilder("convert-graph cannot convert " + source.path() + ":");
            if (!missing.isEmpty()) {
                sb.append("\n  ").append(missing.size()).append(" unsupported op type(s):");
                missing.forEach((op, ns) -> sb.append("\n    ").append(op).append(" (").append(ns.size())
                        .append(ns.size() == 1 ? " node): " : " nodes): ").append(String.join(", ", ns)));
                sb.append("\n  supported: ").append(String.join(", ", NodeConverters.supported()));
            }
            if (!strayPlaceholders.isEmpty()) {
                sb.append("\n  placeholder(s) ").append(strayPlaceholders).append(" feed the outputs but are not inputs")
                        .append(source.isSavedModel() ? " of signature '" + source.signatureKey() + "'" : "");
            }
            throw new ConvertException(sb.toString());
        }
    }

    private List<Out> outputs() {
        List<Out> outs = new ArrayList<>();
        source.outputs().forEach((key, ref) -> {
            Val v = value(ref.node() + ":" + ref.index());
            if (v == null) {
                return;
            }
            Val p = plain(v);
            String name = outputNames.get(key);
            outs.add(new Out(name, key, ref.tensorName(), p.expr(), p.dtype(), p.shape()));
        });
        return outs;
    }

    // ---------------------------------------------------------------- context for NodeConverters

    NodeDef node(String name) {
        return nodes.get(name);
    }

    /** The value of data input {@code i} of the current node; a weight source becomes a field on first use. */
    Val in(int i) {
        return value(dataInputs(current).get(i));
    }

    /** The current node's data inputs ({@code node:index} names). */
    List<String> dataInputs(NodeDef n) {
        List<String> out = new ArrayList<>();
        for (String in : n.getInputList()) {
            if (!in.startsWith("^")) {
                TensorRef r = TensorRef.parse(in);
                out.add(r.node() + ":" + r.index());
            }
        }
        return out;
    }

    private Val value(String tensor) {
        Val v = values.get(tensor);
        if (v != null) {
            return v;
        }
        String node = TensorRef.parse(tensor).node();
        NodeDef src = weightSource(node);
        if (src == null) {
            throw new IllegalStateException("no value for " + tensor + " (node order bug)");
        }
        v = materialise(src);
        values.put(tensor, v);
        return v;
    }

    /** The variable or Const node {@code node} reads (through Identity/ReadVariableOp), or null. */
    NodeDef weightSource(String node) {
        NodeDef n = nodes.get(node);
        while (n != null && READS.contains(n.getOp()) && n.getInputCount() > 0) {
            n = nodes.get(TensorRef.parse(n.getInput(0)).node());
        }
        return n != null && (VARIABLES.contains(n.getOp()) || n.getOp().equals("Const")) ? n : null;
    }

    /** The weight source behind data input {@code i} of the current node, or null. */
    NodeDef weightInput(int i) {
        String t = dataInputs(current).get(i);
        return values.containsKey(t) ? null : weightSource(TensorRef.parse(t).node());
    }

    /** The values of a weight source (a Const's tensor, a variable's checkpoint value), read once. */
    Tensor weight(NodeDef src) {
        return weightCache.computeIfAbsent(src.getName(), k -> {
            if (src.getOp().equals("Const")) {
                try {
                    return TypeInfo.toEngine(TensorProtos.decode(src.getAttrMap().get("value").getTensor()));
                } catch (RuntimeException e) {
                    throw new Unsupported("Const '" + src.getName() + "' holds a value the engine cannot hold: "
                            + e.getMessage());
                }
            }
            return source.readVariable(src);
        });
    }

    /** A Const input's values as longs (shapes, axes), or a failure naming the input. */
    long[] constInts(int i, String what) {
        NodeDef src = weightInput(i);
        if (src == null || !src.getOp().equals("Const")) {
            throw new Unsupported(what + " (input " + i + ") must be a Const; a computed " + what
                    + " is not supported");
        }
        Tensor t = weight(src);
        if (t.dtype() != DType.INT32 && t.dtype() != DType.INT64) {
            throw new Unsupported(what + " (Const '" + src.getName() + "') must be int32/int64, got " + t.dtype());
        }
        return t.to(DType.INT64).toLongArray();
    }

    private Val materialise(NodeDef src) {
        Tensor t = weight(src);
        DataType dt = TypeInfo.ofEngine(t.dtype()).dataType();
        if (t.dim() == 0 && src.getOp().equals("Const")) {
            return Val.plain(scalarLiteral(t), new long[0], dt);
        }
        boolean variable = VARIABLES.contains(src.getOp());
        boolean floating = t.dtype() == DType.FLOAT32 || t.dtype() == DType.FLOAT64;
        String name = names.fresh(src.getName());
        String dtypeArg = t.dtype() == DType.FLOAT32 ? "" : "DType." + t.dtype().name() + ", ";
        String zeros = "Tensor.zeros(" + dtypeArg + join(t.shape()) + ")";
        boolean parameter = variable || floating;
        String init = (parameter ? "registerParameter" : "registerBuffer") + "(\"" + name + "\", " + zeros + ")";
        fields.add(new Field(name, "Tensor", init, (variable ? "Variable" : "Const") + " {@code " + src.getName()
                + "} " + Arrays.toString(t.shape()) + (parameter ? "" : " (a buffer: not trained)") + "."));
        stateDict.put(name, t.contiguous());
        notes.add(src.getName() + " -> " + name + " (" + (parameter ? "Parameter" : "buffer") + ")");
        return Val.plain(name, t.shape(), dt);
    }

    private static String scalarLiteral(Tensor t) {
        double v = t.item();
        switch (t.dtype()) {
            case FLOAT32: {
                float f = (float) v;
                return Float.isNaN(f) ? "Tensor.scalar(Float.NaN)" : Float.isInfinite(f)
                        ? "Tensor.scalar(Float." + (f > 0 ? "POSITIVE" : "NEGATIVE") + "_INFINITY)"
                        : "Tensor.scalar(" + f + "f)";
            }
            case INT64:
                return "Tensor.scalar(" + (long) v + "L)";
            default:
                return "Tensor.scalar(" + v + ", DType." + t.dtype().name() + ")";
        }
    }

    /** The current node's consumers (data edges), with {@code "<output>"} when an output fetches it. */
    List<String> consumersOf(String node) {
        List<String> c = new ArrayList<>(consumers.getOrDefault(node, List.of()));
        if (outputNodes.contains(node)) {
            c.add("<output>");
        }
        return c;
    }

    /** The only consumer of {@code node} when there is exactly one and it is not an output, else null. */
    NodeDef soleConsumer(String node) {
        List<String> c = consumersOf(node);
        return c.size() == 1 && !c.get(0).equals("<output>") ? nodes.get(c.get(0)) : null;
    }

    /** Marks {@code n} as computed by the current node's statement (a fused BiasAdd). */
    void absorb(NodeDef n) {
        absorbed.add(n.getName());
    }

    NodeDef current() {
        return current;
    }

    /** Adds a field and its state_dict entries ({@code <field>.<key>}). */
    String field(String raw, String type, String init, String doc, Map<String, Tensor> state) {
        String name = names.fresh(raw);
        fields.add(new Field(name, type, init.replace("$NAME", name), doc));
        notes.add(name + " (" + type + "): " + doc.replace("{@code ", "`").replace("}", "`"));
        state.forEach((k, t) -> stateDict.put(name + "." + k, t.contiguous()));
        return name;
    }

    void note(String text) {
        notes.add(text);
    }

    /** Declares {@code Tensor <fresh(node)> = expr;} and returns the value under that name. */
    Val emit(String nodeName, String op, String expr, Layout layout, long[] shape, DataType dtype, long[] hwc) {
        String reserved = layout == Layout.PLAIN ? unusedOutputNames.remove(nodeName) : null;
        String name = reserved != null ? reserved : names.fresh(nodeName);
        statements.add("Tensor " + name + " = " + expr + ";  // " + nodeName + " (" + op + ")");
        return new Val(name, layout, shape, dtype, hwc);
    }

    /** Sets output {@code index} of node {@code nodeName}. */
    void set(String nodeName, int index, Val v) {
        values.put(nodeName + ":" + index, v);
    }

    /** {@code v} in NCHW (a rank-4 NHWC value is permuted once, at the boundary). */
    Val nchw(Val v) {
        if (v.layout() == Layout.NCHW) {
            return v;
        }
        Val p = plain(v);
        if (p.rank() != 4) {
            throw new Unsupported("needs a rank-4 NHWC input, got " + (p.shape() == null ? "unknown rank"
                    : Arrays.toString(p.shape())) + " from " + p.expr());
        }
        return conversions.computeIfAbsent(p.expr() + "->NCHW", k -> {
            String name = names.fresh(p.expr() + "Nchw");
            statements.add("Tensor " + name + " = " + p.expr() + ".permute(0, 3, 1, 2);  // NHWC -> NCHW");
            return new Val(name, Layout.NCHW, p.shape(), p.dtype(), null);
        });
    }

    /** {@code v} in TF's layout (NCHW permuted back to NHWC; a CHW flatten reordered to HWC). */
    Val plain(Val v) {
        if (v.layout() == Layout.PLAIN) {
            return v;
        }
        return conversions.computeIfAbsent(v.expr() + "->PLAIN", k -> {
            String name = names.fresh(v.expr() + "Nhwc");
            String expr;
            if (v.layout() == Layout.NCHW) {
                expr = v.expr() + ".permute(0, 2, 3, 1);  // NCHW -> NHWC (TF layout)";
            } else {
                long[] h = v.hwc();
                expr = v.expr() + ".reshape(-1, " + h[2] + ", " + h[0] + ", " + h[1] + ").permute(0, 2, 3, 1).reshape(-1, "
                        + h[0] * h[1] * h[2] + ");  // C,H,W flatten -> TF's H,W,C order";
            }
            statements.add("Tensor " + name + " = " + expr);
            return Val.plain(name, v.shape(), v.dtype());
        });
    }

    // ---------------------------------------------------------------- attributes

    static DataType attrType(NodeDef n, String... keys) {
        for (String k : keys) {
            AttrValue a = n.getAttrMap().get(k);
            if (a != null && a.hasType()) {
                return a.getType();
            }
        }
        return DataType.DT_FLOAT;
    }

    static long[] shape(AttrValue a) {
        if (!a.hasShape() || a.getShape().getUnknownRank()) {
            return null;
        }
        return a.getShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray();
    }

    static String join(long[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.toString();
    }

    /** A node the converter refuses, with the reason (collected, reported with all others). */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }
}
