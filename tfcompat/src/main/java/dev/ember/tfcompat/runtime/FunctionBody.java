package dev.ember.tfcompat.runtime;

import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import dev.ember.tfcompat.GraphOperationBuilder;
import dev.ember.tfcompat.Output;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TensorFlowException;
import dev.ember.tfcompat.internal.graphdef.AttrValues;
import dev.ember.tfcompat.internal.graphdef.FunctionAttr;
import dev.ember.tfcompat.internal.graphdef.TensorProtos;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * A {@code FunctionDef} instantiated as a small graph of its own and run on the engine with the same
 * op registry: input arguments become fed placeholders, {@code ret} names the fetched outputs, and
 * every stateful node and every {@code control_ret} node runs on each call, as in TF's function
 * runtime (which keeps side effects that no output depends on). Node inputs use FunctionDef names:
 * {@code arg}, {@code node:output_arg:index}, {@code node:output_arg} (the whole list), {@code ^node}.
 */
public final class FunctionBody {
    private final String name;
    private final List<Output<?>> args;
    private final List<DataType> argTypes;
    private final List<Output<?>> rets;
    private final List<DataType> retTypes;
    private final List<GraphOperation> order;

    private FunctionBody(String name, List<Output<?>> args, List<DataType> argTypes, List<Output<?>> rets,
            List<DataType> retTypes, List<GraphOperation> order) {
        this.name = name;
        this.args = args;
        this.argTypes = argTypes;
        this.rets = rets;
        this.retTypes = retTypes;
        this.order = order;
    }

    /** The function's name. */
    public String name() {
        return name;
    }

    /** Types of the flattened outputs. */
    public List<DataType> outputTypes() {
        return Collections.unmodifiableList(retTypes);
    }

    /** Types of the flattened inputs. */
    public List<DataType> inputTypes() {
        return Collections.unmodifiableList(argTypes);
    }

    /** Runs the body on {@code in} within the caller's session and run; returns the flattened outputs. */
    public Value[] call(Value[] in, KernelContext caller) {
        String where = "function '" + name + "' (called by node '" + caller.nodeName() + "'): ";
        if (in.length != args.size()) {
            throw new TFInvalidArgumentException(where + "expects " + args.size() + " arguments, got " + in.length);
        }
        Map<Output<?>, Value> feeds = new HashMap<>();
        for (int i = 0; i < in.length; i++) {
            Value v = in[i];
            if (v.isRef()) {
                v = Value.of(caller.run().read(v), v.dtype());
            }
            if (v.dtype() != argTypes.get(i)) {
                throw new TFInvalidArgumentException(where + "argument " + i + " must be "
                        + typeName(argTypes.get(i)) + ", got " + typeName(v.dtype()));
            }
            feeds.put(args.get(i), v);
        }
        try {
            return Executor.runFunction(caller.session(), caller.run(), order, feeds, rets);
        } catch (RuntimeException e) {
            throw Errors.prefixed(where, e);
        }
    }

    /** The flattened types of a signature argument, resolving {@code type_attr}/{@code number_attr}/{@code type_list_attr}. */
    public static List<DataType> argTypes(OpDef.ArgDef arg, Map<String, Object> attrs, String function) {
        if (!arg.getTypeListAttr().isEmpty()) {
            Object v = attrs.get(arg.getTypeListAttr());
            if (!(v instanceof DataType[])) {
                throw new TFInvalidArgumentException("function '" + function + "': argument '" + arg.getName()
                        + "' needs the type-list attribute '" + arg.getTypeListAttr() + "', which is not set");
            }
            return Arrays.asList((DataType[]) v);
        }
        DataType t = arg.getType();
        if (t == DataType.DT_INVALID) {
            Object v = attrs.get(arg.getTypeAttr());
            if (!(v instanceof DataType)) {
                throw new TFInvalidArgumentException("function '" + function + "': argument '" + arg.getName()
                        + "' needs the type attribute '" + arg.getTypeAttr() + "', which is not set");
            }
            t = (DataType) v;
        }
        int n = 1;
        if (!arg.getNumberAttr().isEmpty()) {
            Object v = attrs.get(arg.getNumberAttr());
            if (!(v instanceof Number)) {
                throw new TFInvalidArgumentException("function '" + function + "': argument '" + arg.getName()
                        + "' needs the length attribute '" + arg.getNumberAttr() + "', which is not set");
            }
            n = ((Number) v).intValue();
        }
        return Collections.nCopies(n, t);
    }

    static FunctionBody compile(FunctionDef def, Map<String, Object> attrs, FunctionLibrary library) {
        String fn = def.getSignature().getName();
        Map<String, Object> inst = attrs == null ? Map.of() : attrs;
        Graph g = Graph.withLibrary(library);
        Compiler c = new Compiler(fn, def, inst, g);
        try {
            return c.compile();
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            throw m.startsWith("function '" + fn + "'") && e instanceof TensorFlowException ? (TensorFlowException) e
                    : Errors.prefixed("function '" + fn + "': ", e);
        }
    }

    private static String typeName(DataType t) {
        return t == DataType.DT_RESOURCE ? "resource" : t.name().substring(3).toLowerCase(java.util.Locale.ROOT);
    }

    /** Builds the body graph of one instantiation. */
    private static final class Compiler {
        private final String fn;
        private final FunctionDef def;
        private final Map<String, Object> attrs;
        private final Graph graph;
        private final Map<String, List<Output<?>>> argOutputs = new LinkedHashMap<>();
        private final Map<String, GraphOperation> nodes = new HashMap<>();

        Compiler(String fn, FunctionDef def, Map<String, Object> attrs, Graph graph) {
            this.fn = fn;
            this.def = def;
            this.attrs = attrs;
            this.graph = graph;
        }

        FunctionBody compile() {
            List<Output<?>> flatArgs = new ArrayList<>();
            List<DataType> flatArgTypes = new ArrayList<>();
            List<OpDef.ArgDef> inputs = def.getSignature().getInputArgList();
            for (int a = 0; a < inputs.size(); a++) {
                OpDef.ArgDef arg = inputs.get(a);
                List<DataType> types = argTypes(arg, attrs, fn);
                List<Output<?>> outs = new ArrayList<>();
                for (int j = 0; j < types.size(); j++) {
                    Shape shape = types.size() == 1 ? argShape(a) : Shape.unknown();
                    GraphOperation ph = graph.opBuilder("Placeholder", graph.uniqueName("_arg_" + arg.getName() + "_" + j))
                            .setAttr("dtype", types.get(j)).setAttr("shape", shape).build();
                    outs.add(ph.output(0));
                }
                argOutputs.put(arg.getName(), outs);
                flatArgs.addAll(outs);
                flatArgTypes.addAll(types);
            }
            for (NodeDef n : topologicalOrder()) {
                build(n);
            }
            List<Output<?>> flatRets = new ArrayList<>();
            List<DataType> flatRetTypes = new ArrayList<>();
            for (OpDef.ArgDef out : def.getSignature().getOutputArgList()) {
                String ref = def.getRetMap().get(out.getName());
                if (ref == null) {
                    throw new TFInvalidArgumentException("function '" + fn + "': output '" + out.getName()
                            + "' has no entry in ret");
                }
                List<DataType> types = argTypes(out, attrs, fn);
                List<Output<?>> outs = resolve(ref, "output '" + out.getName() + "'");
                if (outs.size() != types.size()) {
                    throw new TFInvalidArgumentException("function '" + fn + "': output '" + out.getName() + "' is '"
                            + ref + "' with " + outs.size() + " tensors, the signature declares " + types.size());
                }
                for (int i = 0; i < outs.size(); i++) {
                    if (outs.get(i).dataType() != types.get(i)) {
                        throw new TFInvalidArgumentException("function '" + fn + "': output '" + out.getName() + "' is '"
                                + ref + "' of type " + typeName(outs.get(i).dataType()) + ", the signature declares "
                                + typeName(types.get(i)));
                    }
                }
                flatRets.addAll(outs);
                flatRetTypes.addAll(types);
            }
            List<GraphOperation> targets = new ArrayList<>();
            for (String ctl : def.getControlRetMap().values()) {
                GraphOperation op = nodes.get(ctl);
                if (op == null) {
                    throw new TFInvalidArgumentException("function '" + fn + "': control output names node '" + ctl
                            + "', which the body does not have");
                }
                targets.add(op);
            }
            for (GraphOperation op : nodes.values()) {
                if (op.kernel().stateful() && !targets.contains(op)) {
                    targets.add(op);
                }
            }
            List<GraphOperation> order = Executor.plan(new HashSet<>(flatArgs), flatRets, targets);
            return new FunctionBody(fn, flatArgs, flatArgTypes, flatRets, flatRetTypes, order);
        }

        /** {@code _output_shapes} of argument {@code a} from {@code arg_attr}, else unknown. */
        private Shape argShape(int a) {
            FunctionDef.ArgAttrs aa = def.getArgAttrMap().get(a);
            if (aa != null) {
                AttrValue shapes = aa.getAttrMap().get("_output_shapes");
                if (shapes != null && shapes.getList().getShapeCount() == 1) {
                    return TensorProtos.shape(shapes.getList().getShape(0));
                }
            }
            return Shape.unknown();
        }

        private void build(NodeDef n) {
            GraphOperationBuilder b = graph.opBuilder(n.getOp(), n.getName());
            try {
                for (String in : n.getInputList()) {
                    if (in.startsWith("^")) {
                        GraphOperation c = nodes.get(in.substring(1));
                        if (c == null) {
                            throw new TFInvalidArgumentException("control input '" + in + "' names no node of the body");
                        }
                        b.addControlInput(c);
                    } else {
                        for (Output<?> o : resolve(in, "input '" + in + "'")) {
                            b.addInput(o);
                        }
                    }
                }
                if (!n.getDevice().isEmpty()) {
                    b.setDevice(n.getDevice());
                }
                n.getAttrMap().forEach((k, v) -> b.setAttrValue(k, attr(k, v)));
                nodes.put(n.getName(), b.build());
            } catch (TensorFlowException e) {
                throw Errors.prefixed("function '" + fn + "', node '" + n.getName() + "' (" + n.getOp() + "): ", e);
            } catch (RuntimeException e) {
                throw new TFInvalidArgumentException("function '" + fn + "', node '" + n.getName() + "' (" + n.getOp()
                        + "): " + e.getMessage(), e);
            }
        }

        /** An attribute value with {@code $placeholder}s replaced by the instantiation's attributes. */
        private Object attr(String key, AttrValue v) {
            if (v.getValueCase() == AttrValue.ValueCase.PLACEHOLDER) {
                Object bound = attrs.get(v.getPlaceholder());
                if (bound == null) {
                    throw new TFInvalidArgumentException("attribute '" + key + "' is the placeholder $"
                            + v.getPlaceholder() + ", which the call does not set");
                }
                return bound;
            }
            Object value = AttrValues.toJava(v);
            if (value instanceof FunctionAttr) {
                FunctionAttr f = (FunctionAttr) value;
                Map<String, Object> inner = new LinkedHashMap<>();
                f.attrs().forEach((k, a) -> inner.put(k, a instanceof String && ((String) a).startsWith("$")
                        && attrs.containsKey(((String) a).substring(1)) ? attrs.get(((String) a).substring(1)) : a));
                return new FunctionAttr(f.name(), inner);
            }
            return value;
        }

        /** The outputs a FunctionDef input name denotes (several for a whole list argument). */
        private List<Output<?>> resolve(String ref, String what) {
            String[] parts = ref.split(":");
            if (parts.length == 1) {
                List<Output<?>> arg = argOutputs.get(ref);
                if (arg != null) {
                    return arg;
                }
                GraphOperation op = nodes.get(ref);
                if (op != null && op.numOutputs() == 1) {
                    return List.of(op.output(0));
                }
                throw new TFInvalidArgumentException(what + " names neither an input argument nor a node of the body");
            }
            if (parts.length == 2 && argOutputs.containsKey(parts[0]) && isNumber(parts[1])) {
                List<Output<?>> arg = argOutputs.get(parts[0]);
                int i = Integer.parseInt(parts[1]);
                if (i >= arg.size()) {
                    throw new TFInvalidArgumentException(what + ": argument '" + parts[0] + "' has " + arg.size()
                            + " elements");
                }
                return List.of(arg.get(i));
            }
            if (parts.length > 3) {
                throw new TFInvalidArgumentException(what + " is not of the form node:output_arg:index");
            }
            GraphOperation op = nodes.get(parts[0]);
            if (op == null) {
                throw new TFInvalidArgumentException(what + " names node '" + parts[0] + "', which the body does not have");
            }
            int index = parts.length == 3 ? parseIndex(parts[2], what) : -1;
            return outputsOf(op, parts[1], index, what);
        }

        private List<Output<?>> outputsOf(GraphOperation op, String arg, int index, String what) {
            List<OutputArg> declared = op.kernel().outputArgs(
                    new NodeView(op.name(), op.type(), op.inputOutputs(), op.attrMap()), op.numOutputs());
            if (declared == null) {
                if (op.numOutputs() == 1 && index <= 0) {
                    return List.of(op.output(0));
                }
                if (op.numOutputs() == 0) {
                    throw new TFInvalidArgumentException(what + ": node '" + op.name() + "' (" + op.type()
                            + ") has no outputs");
                }
                throw new TFInvalidArgumentException(what + ": op type " + op.type() + " has " + op.numOutputs()
                        + " outputs but tfcompat's registry does not declare their argument names, so '" + arg
                        + "' cannot be resolved (declare them with Kernels.withOutputArgs)");
            }
            int[] range = OutputArg.range(declared, arg);
            if (range == null) {
                throw new TFInvalidArgumentException(what + ": op " + op.type() + " has no output argument '" + arg
                        + "' (its outputs: " + declared + ")");
            }
            if (index >= range[1]) {
                throw new TFInvalidArgumentException(what + ": output argument '" + arg + "' of node '" + op.name()
                        + "' has " + range[1] + " tensors, no index " + index);
            }
            List<Output<?>> out = new ArrayList<>();
            if (index >= 0) {
                out.add(op.output(range[0] + index));
            } else {
                for (int i = 0; i < range[1]; i++) {
                    out.add(op.output(range[0] + i));
                }
            }
            return out;
        }

        private static boolean isNumber(String s) {
            return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
        }

        private static int parseIndex(String s, String what) {
            if (!isNumber(s)) {
                throw new TFInvalidArgumentException(what + ": '" + s + "' is not an output index");
            }
            return Integer.parseInt(s);
        }

        /** Node definitions, each after the nodes it reads (FunctionDefs need not be sorted). */
        private List<NodeDef> topologicalOrder() {
            Map<String, NodeDef> byName = new LinkedHashMap<>();
            for (NodeDef n : def.getNodeDefList()) {
                if (byName.put(n.getName(), n) != null) {
                    throw new TFInvalidArgumentException("function '" + fn + "' has two nodes named '" + n.getName() + "'");
                }
            }
            return dev.ember.tfcompat.internal.graphdef.GraphDefs.dependencyOrder(byName, n -> {
                Set<String> deps = new LinkedHashSet<>();
                for (String in : n.getInputList()) {
                    String src = in.startsWith("^") ? in.substring(1) : in.split(":")[0];
                    boolean isArg = !in.startsWith("^") && argOutputs.containsKey(src);
                    if (!isArg && byName.containsKey(src)) {
                        deps.add(src);
                    }
                }
                return deps;
            }, stuck -> new TFInvalidArgumentException("function '" + fn + "' has a cycle among nodes " + stuck));
        }
    }
}
