package dev.ember.tfcompat.runtime.kernels;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.internal.graphdef.FunctionAttr;
import dev.ember.tfcompat.runtime.FunctionBody;
import dev.ember.tfcompat.runtime.FunctionLibrary;
import dev.ember.tfcompat.runtime.Kernel;
import dev.ember.tfcompat.runtime.KernelContext;
import dev.ember.tfcompat.runtime.Kernels;
import dev.ember.tfcompat.runtime.NodeView;
import dev.ember.tfcompat.runtime.OpRegistry;
import dev.ember.tfcompat.runtime.OutputArg;
import dev.ember.tfcompat.runtime.OutputSpec;
import dev.ember.tfcompat.runtime.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.OpDef;

/**
 * Function calls and functional control flow (TF2 graphs): {@code PartitionedCall} /
 * {@code StatefulPartitionedCall} ({@code f}), {@code If} / {@code StatelessIf}
 * ({@code then_branch}/{@code else_branch}) and {@code While} / {@code StatelessWhile}
 * ({@code cond}/{@code body}). Bodies come from the graph's function library and run through the
 * same registry ({@link FunctionBody}). A node whose op type is a library function's name is a
 * direct call ({@link #direct}). TF1 loop frames (Enter/Exit/NextIteration) are not supported.
 */
public final class FunctionKernels {
    private FunctionKernels() {
    }

    public static void register() {
        Kernel call = Kernels.withListOutput(Kernels.of(FunctionKernels::callOutputs, FunctionKernels::call), "output");
        OpRegistry.register("PartitionedCall", call);
        OpRegistry.register("StatefulPartitionedCall", stateful(call));
        Kernel ifOp = Kernels.withListOutput(Kernels.of(FunctionKernels::ifOutputs, FunctionKernels::ifOp), "output");
        OpRegistry.register("StatelessIf", ifOp);
        OpRegistry.register("If", stateful(ifOp));
        Kernel whileOp = Kernels.withListOutput(Kernels.of(FunctionKernels::whileOutputs, FunctionKernels::whileOp),
                "output");
        OpRegistry.register("StatelessWhile", whileOp);
        OpRegistry.register("While", stateful(whileOp));
    }

    /** The kernel of a node whose op type is the library function {@code function} (called with the node's attrs). */
    public static Kernel direct(String function) {
        return Kernels.withListOutput(Kernels.stateful(
                n -> {
                    FunctionDef f = library(n).require(function, n.nodeName());
                    List<DataType> types = new java.util.ArrayList<>();
                    for (OpDef.ArgDef a : f.getSignature().getOutputArgList()) {
                        types.addAll(FunctionBody.argTypes(a, attrs(n), function));
                    }
                    return unknownShapes(types);
                },
                ctx -> {
                    FunctionBody body = library(ctx).body(function, attrs(ctx), ctx.nodeName());
                    return body.call(inputs(ctx, 0), ctx);
                }), "output");
    }

    private static Kernel stateful(Kernel k) {
        return new Kernel() {
            @Override
            public OutputSpec[] outputs(NodeView node) {
                return k.outputs(node);
            }

            @Override
            public Value[] compute(KernelContext ctx) {
                return k.compute(ctx);
            }

            @Override
            public boolean stateful() {
                return true;
            }

            @Override
            public List<OutputArg> outputArgs(NodeView node, int numOutputs) {
                return k.outputArgs(node, numOutputs);
            }
        };
    }

    // ---------------------------------------------------------------- PartitionedCall

    private static OutputSpec[] callOutputs(NodeView n) {
        FunctionAttr f = function(n, "f");
        library(n).require(f.name(), n.nodeName());
        return unknownShapes(Arrays.asList(types(n, "Tout")));
    }

    private static Value[] call(KernelContext ctx) {
        FunctionAttr f = function(ctx, "f");
        FunctionBody body = library(ctx).body(f.name(), f.attrs(), ctx.nodeName());
        return checked(ctx, body, body.call(inputs(ctx, 0), ctx));
    }

    // ---------------------------------------------------------------- If

    private static OutputSpec[] ifOutputs(NodeView n) {
        library(n).require(function(n, "then_branch").name(), n.nodeName());
        library(n).require(function(n, "else_branch").name(), n.nodeName());
        return withShapes(n, types(n, "Tout"));
    }

    private static Value[] ifOp(KernelContext ctx) {
        FunctionAttr branch = function(ctx, truthy(ctx.value(0), ctx) ? "then_branch" : "else_branch");
        FunctionBody body = library(ctx).body(branch.name(), branch.attrs(), ctx.nodeName());
        return checked(ctx, body, body.call(inputs(ctx, 1), ctx));
    }

    // ---------------------------------------------------------------- While

    private static OutputSpec[] whileOutputs(NodeView n) {
        library(n).require(function(n, "cond").name(), n.nodeName());
        library(n).require(function(n, "body").name(), n.nodeName());
        DataType[] t = types(n, "T");
        if (t.length != n.numInputs()) {
            throw n.invalid("T lists " + t.length + " types for " + n.numInputs() + " loop variables");
        }
        return withShapes(n, t);
    }

    private static Value[] whileOp(KernelContext ctx) {
        FunctionAttr c = function(ctx, "cond");
        FunctionAttr b = function(ctx, "body");
        FunctionBody cond = library(ctx).body(c.name(), c.attrs(), ctx.nodeName());
        FunctionBody body = library(ctx).body(b.name(), b.attrs(), ctx.nodeName());
        if (cond.outputTypes().size() != 1) {
            throw ctx.invalid("the cond function '" + c.name() + "' must return one tensor, it returns "
                    + cond.outputTypes().size());
        }
        Value[] vars = inputs(ctx, 0);
        while (truthy(cond.call(vars, ctx)[0], ctx)) {
            Value[] next = body.call(vars, ctx);
            if (next.length != vars.length) {
                throw ctx.invalid("the body function '" + b.name() + "' returns " + next.length + " tensors for "
                        + vars.length + " loop variables");
            }
            vars = next;
        }
        return checked(ctx, body, vars);
    }

    // ---------------------------------------------------------------- helpers

    /** TF's conversion of a predicate to bool: a scalar is its value (non-zero, non-empty); other shapes are "non-empty". */
    static boolean truthy(Value v, KernelContext ctx) {
        long[] shape = v.shape();
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (shape.length > 0) {
            return n > 0;
        }
        if (v.isStrings()) {
            return !v.strings()[0].isEmpty();
        }
        Tensor t = ctx.run().read(v);
        return t.dtype() == dev.ember.engine.DType.BOOL ? t.toLongArray()[0] != 0 : t.item() != 0;
    }

    private static Value[] inputs(KernelContext ctx, int from) {
        Value[] v = new Value[ctx.numInputs() - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = ctx.value(from + i);
        }
        return v;
    }

    /** The outputs, after checking they match the node's declared output types. */
    private static Value[] checked(KernelContext ctx, FunctionBody body, Value[] out) {
        if (out.length != ctx.op().numOutputs()) {
            throw ctx.invalid("function '" + body.name() + "' returns " + out.length + " tensors, the node declares "
                    + ctx.op().numOutputs());
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i].dtype() != ctx.outputType(i)) {
                throw ctx.invalid("function '" + body.name() + "' returns " + out[i].dtype() + " as output " + i
                        + ", the node declares " + ctx.outputType(i));
            }
        }
        return out;
    }

    private static FunctionAttr function(dev.ember.tfcompat.runtime.Attrs n, String attr) {
        Object f = n.attr(attr);
        if (f instanceof FunctionAttr) {
            return (FunctionAttr) f;
        }
        if (f instanceof String && !((String) f).isEmpty()) {
            return new FunctionAttr((String) f, Map.of());
        }
        throw n.invalid("needs the function attribute '" + attr + "'");
    }

    private static DataType[] types(NodeView n, String attr) {
        Object t = n.attr(attr);
        if (t == null || t instanceof long[] && ((long[]) t).length == 0) {
            return new DataType[0];
        }
        if (!(t instanceof DataType[])) {
            throw n.invalid("attribute '" + attr + "' must be a list of types");
        }
        return (DataType[]) t;
    }

    private static OutputSpec[] unknownShapes(List<DataType> types) {
        OutputSpec[] out = new OutputSpec[types.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = OutputSpec.unknown(types.get(i));
        }
        return out;
    }

    /** Output specs from {@code output_shapes} when given (If/While), else unknown shapes. */
    private static OutputSpec[] withShapes(NodeView n, DataType[] types) {
        Object s = n.attr("output_shapes");
        Shape[] shapes = s instanceof Shape[] && ((Shape[]) s).length == types.length ? (Shape[]) s : null;
        OutputSpec[] out = new OutputSpec[types.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new OutputSpec(types[i], shapes == null ? Shape.unknown() : shapes[i]);
        }
        return out;
    }

    private static Map<String, Object> attrs(NodeView n) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String k : n.attrNames()) {
            m.put(k, n.attr(k));
        }
        return m;
    }

    private static Map<String, Object> attrs(KernelContext ctx) {
        return ctx.op().attrMap();
    }

    private static FunctionLibrary library(NodeView n) {
        Graph g = n.graph();
        if (g == null) {
            throw new TFInvalidArgumentException("node '" + n.nodeName() + "' (" + n.opType()
                    + ") calls a function, which needs a graph with a function library");
        }
        return g.functionLibrary();
    }

    private static FunctionLibrary library(KernelContext ctx) {
        return ((Graph) ctx.op().env()).functionLibrary();
    }
}
