package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one table of the eager level: each supported TF-Java op method (declaring class and name, as
 * the symbol solver resolves them; arities checked by the entry) with how the analysis reads its
 * arguments into a {@link TfNode} (shape and dtype inference included) and how a node is written as
 * engine code, with its layout behaviour. An op not in the table keeps its program at the compat level.
 */
final class OpTranslations {
    private OpTranslations() {
    }

    /** Analysis of one method: reads the call into a node. */
    private static final Map<String, Function<Call, TfNode>> ANALYZE = new LinkedHashMap<>();
    /** Emission of one node kind: engine code with its layout. */
    private static final Map<String, BiFunction<TfNode, Emit, Code>> EMIT = new LinkedHashMap<>();
    private static final Set<String> STATEFUL = Set.of("applyGradientDescent", "minimize");
    /** TF-Java's functional control flow (tf.whileLoop / tf.cond of TF 2.x): left for a Java while / if. */
    private static final Set<String> CONTROL_FLOW = Set.of("Ops#whileOp", "Ops#statelessWhile", "Ops#ifOp",
            "Ops#statelessIf", "Ops#caseOp", "Ops#statelessCase");

    static boolean isStateful(String op) {
        return STATEFUL.contains(op);
    }

    /** The TF-Java methods the table converts, as {@code Owner#method}. */
    static Set<String> supported() {
        return ANALYZE.keySet();
    }

    // ---------------------------------------------------------------- analysis entry points

    static Val opCall(Interpreter in, MethodCallExpr x, Val.Scope scope, String key, List<Val> args) {
        Function<Call, TfNode> a = ANALYZE.get(key);
        if (a == null && CONTROL_FLOW.contains(key)) {
            throw new Unsupported(x, "graph-side control flow (`" + key.replace('#', '.') + "` with ConcreteFunction "
                    + "cond/branches/body) is not converted to a Java " + (key.contains("While") || key.contains("while")
                    ? "while loop" : "if") + " yet",
                    "write the loop or branch as plain Java over engine tensors by hand; until then the program stays on "
                            + "TF-Java/tfcompat");
        }
        if (a == null) {
            throw new Unsupported(x, "TF op `" + key.replace('#', '.') + "` is not converted yet",
                    "the op is not in the eager translation table (OpTranslations); the program stays on tfcompat");
        }
        return new Val.Tf(a.apply(new Call(in, x, scope, args, key)));
    }

    /** Methods called on a TF value: outputs of multi-output ops, {@code asOutput()}, {@code dy(i)}. */
    static Val outputCall(Interpreter in, MethodCallExpr x, TfNode n, String owner, String name, List<Val> args) {
        switch (name) {
            case "asOutput":
            case "op":
            case "asOperand":
                return new Val.Tf(n);
            case "loss":
                if (n.op.equals("softmaxCE") || n.op.equals("sparseSoftmaxCE")) {
                    TfNode out = in.node(n.op + ".loss", List.of(n), x, null, null);
                    out.tfName = n.tfName;
                    out.dtype = n.dtype;
                    out.shape = n.shape == null ? null : new long[] {n.shape[0]};
                    return new Val.Tf(out);
                }
                break;
            case "dy":
                if (n.op.equals("gradients") && args.size() == 1 && args.get(0) instanceof Val.Const c
                        && c.value() instanceof Number i) {
                    int k = i.intValue();
                    if (k < 0 || k >= n.inputs.size() - 1) {
                        throw new Unsupported(x, "dy(" + k + ") is out of range");
                    }
                    TfNode dy = in.node("dy", List.of(n), x, null, null);
                    dy.attrs.put("index", k);
                    TfNode wrt = n.input(k + 1);
                    dy.dtype = wrt.dtype;
                    dy.shape = Interpreter.copy(wrt.shape);
                    return new Val.Tf(dy);
                }
                break;
            default:
                break;
        }
        throw new Unsupported(x, "`" + Interpreter.simpleOwner(owner) + "." + name + "` on a TF value is not converted");
    }

    static Val minimize(Interpreter in, MethodCallExpr x, Val.Optimizer o, List<Val> args) {
        if (args.size() != 1 || !(args.get(0) instanceof Val.Tf loss)) {
            throw new Unsupported(x, "minimize with a name or several arguments");
        }
        TfNode n = in.node("minimize", List.of(loss.node()), x, null, null);
        n.attrs.put("optimizer", o);
        return new Val.Tf(n);
    }

    // ---------------------------------------------------------------- helpers for the table

    static Object constValue(TfNode n) {
        TfNode c = n;
        while (c.op.equals("identity")) {
            c = c.input(0);
        }
        return c.op.equals("const") ? c.attr("value") : null;
    }

    static String dtypeOfClass(Call c, int i) {
        Expression e = c.arg(i);
        if (e instanceof ClassExpr ce) {
            String t = ce.getType().asString();
            t = t.substring(t.lastIndexOf('.') + 1);
            switch (t) {
                case "TFloat32": return "float32";
                case "TFloat64": return "float64";
                case "TInt32": return "int32";
                case "TInt64": return "int64";
                case "TBool": return "bool";
                default: break;
            }
            throw new Unsupported(e, "dtype " + t + " is not converted (float32, float64, int32, int64, bool are)");
        }
        throw new Unsupported(e, "a dtype that is not a class literal");
    }

    static String engineDType(String dtype) {
        switch (dtype) {
            case "float32": return "FLOAT32";
            case "float64": return "FLOAT64";
            case "int32": return "INT32";
            case "int64": return "INT64";
            case "bool": return "BOOL";
            default: throw new IllegalArgumentException(dtype);
        }
    }

    static String javaTypeDType(String javaType) {
        String e = javaType.replace("[]", "").strip();
        switch (e) {
            case "float": case "java.lang.Float": return "float32";
            case "double": case "java.lang.Double": return "float64";
            case "int": case "java.lang.Integer": return "int32";
            case "long": case "java.lang.Long": return "int64";
            case "boolean": case "java.lang.Boolean": return "bool";
            default: return null;
        }
    }

    private static TfNode unary(Call c, String op, String tfType) {
        if (c.arity() != 1) {
            throw new Unsupported(c.x, op + " with " + c.arity() + " arguments");
        }
        TfNode x = c.tf(0);
        TfNode n = c.make(op, tfType, x);
        n.dtype = x.dtype;
        n.shape = Interpreter.copy(x.shape);
        return n;
    }

    private static TfNode binary(Call c, String op, String tfType, String outDtype) {
        if (c.arity() < 2) {
            throw new Unsupported(c.x, op + " with " + c.arity() + " arguments");
        }
        c.onlyOptions(2, "incompatibleShapeError");
        TfNode a = c.tf(0);
        TfNode b = c.tf(1);
        TfNode n = c.make(op, tfType, a, b);
        n.dtype = outDtype != null ? outDtype : a.dtype != null ? a.dtype : b.dtype;
        n.shape = Shapes.broadcast(a.shape, b.shape);
        return n;
    }

    private static void unaryEmit(String op, String method) {
        EMIT.put(op, (n, e) -> new Code(e.in(n.input(0), Layout.ANY) + "." + method + "()", e.layoutOf(n.input(0))));
    }

    private static void binaryEmit(String op, String method) {
        EMIT.put(op, (n, e) -> {
            Layout l = Emitting.sharedLayout(n.input(0), n.input(1), e);
            return new Code(e.in(n.input(0), l) + "." + method + "(" + Emitting.operand(n.input(1), l, e) + ")", l);
        });
    }

    // ---------------------------------------------------------------- the table

    static {
        // core: placeholders, variables, constants (written by MethodEmitter / ModuleWriter)
        ANALYZE.put("Ops#placeholder", c -> {
            c.onlyOptions(1, "shape");
            TfNode n = c.make("placeholder", "Placeholder");
            n.dtype = dtypeOfClass(c, 0);
            Object shape = c.option(1, "shape");
            n.shape = shape instanceof JArray a && a.flat() != null ? a.longs() : null;
            return n;
        });
        ANALYZE.put("Ops#variable", c -> {
            if (c.arity() >= 1 && c.args.get(0) instanceof Val.Tf init) {
                c.onlyOptions(1);
                TfNode n = c.make("variable", "Variable", init.node());
                n.dtype = init.node().dtype;
                n.shape = Interpreter.copy(init.node().shape);
                return n;
            }
            throw new Unsupported(c.x, "a variable without an initial value (`tf.variable(shape, type)` is assigned "
                    + "later by the session)");
        });
        ANALYZE.put("Ops#constant", OpTranslations::constant);
        ANALYZE.put("Ops#zeros", c -> filled(c, "zeros", "Zeros"));
        ANALYZE.put("Ops#ones", c -> filled(c, "ones", "Ones"));
        ANALYZE.put("Ops#identity", c -> unary(c, "identity", "Identity"));
        ANALYZE.put("Ops#stopGradient", c -> unary(c, "stopGradient", "StopGradient"));
        ANALYZE.put("Ops#reshape", c -> {
            TfNode x = c.tf(0);
            long[] shape = c.longs(1);
            TfNode n = c.make("reshape", "Reshape", x, c.tf(1));
            n.attrs.put("shape", shape);
            n.dtype = x.dtype;
            n.shape = Shapes.reshape(x.shape, shape);
            return n;
        });
        ANALYZE.put("Ops#oneHot", c -> {
            Object axis = c.option(4, "axis");
            if (axis != null && ((Number) axis).longValue() != -1) {
                throw new Unsupported(c.x, "oneHot with an axis other than -1");
            }
            TfNode idx = c.tf(0);
            long depth = c.longs(1)[0];
            TfNode n = c.make("oneHot", "OneHot", idx, c.tf(1), c.tf(2), c.tf(3));
            n.attrs.put("depth", depth);
            n.dtype = c.tf(2).dtype;
            n.shape = idx.shape == null ? null : Shapes.append(idx.shape, depth);
            return n;
        });
        ANALYZE.put("Ops#gradients", c -> {
            if (c.args.get(0) instanceof Val.ListOf) {
                throw new Unsupported(c.x, "gradients of several ys (TF sums them) are not converted");
            }
            c.onlyOptions(2);
            List<TfNode> in = new ArrayList<>();
            in.add(c.tf(0));
            in.addAll(c.tfList(1));
            return c.make("gradients", "gradients", in);
        });
        ANALYZE.put("Ops#noOp", c -> c.make("noOp", "NoOp"));
        ANALYZE.put("Ops#reduceSum", c -> reduce(c, "sum", "Sum"));
        ANALYZE.put("Ops#reduceMax", c -> reduce(c, "max", "Max"));
        ANALYZE.put("MathOps#mean", c -> reduce(c, "mean", "Mean"));

        for (String[] u : new String[][] {{"neg", "Neg"}, {"square", "Square"}, {"sqrt", "Sqrt"}, {"rsqrt", "Rsqrt"},
            {"exp", "Exp"}, {"log", "Log"}, {"abs", "Abs"}, {"sigmoid", "Sigmoid"}, {"tanh", "Tanh"}}) {
            ANALYZE.put("MathOps#" + u[0], c -> unary(c, u[0], u[1]));
            unaryEmit(u[0], u[0]);
        }
        ANALYZE.put("NnOps#relu", c -> unary(c, "relu", "Relu"));
        unaryEmit("relu", "relu");
        ANALYZE.put("MathOps#softplus", c -> unary(c, "softplus", "Softplus"));
        unaryEmit("softplus", "softplus");
        for (String[] b : new String[][] {{"add", "Add", "add"}, {"sub", "Sub", "sub"}, {"mul", "Mul", "mul"},
            {"pow", "Pow", "pow"}, {"maximum", "Maximum", "maximum"}, {"minimum", "Minimum", "minimum"}}) {
            ANALYZE.put("MathOps#" + b[0], c -> binary(c, b[0], b[1], null));
            binaryEmit(b[0], b[2]);
        }
        ANALYZE.put("MathOps#div", c -> {
            TfNode n = binary(c, "div", "Div", null);
            if (!n.isFloat()) {
                throw new Unsupported(c.x, "integer Div (TF rounds toward -inf, Java toward 0) is not converted");
            }
            return n;
        });
        binaryEmit("div", "div");
        ANALYZE.put("MathOps#realDiv", c -> binary(c, "div", "RealDiv", null));
        ANALYZE.put("MathOps#squaredDifference", c -> binary(c, "squaredDifference", "SquaredDifference", null));
        EMIT.put("squaredDifference", (n, e) -> {
            Layout l = Emitting.sharedLayout(n.input(0), n.input(1), e);
            return new Code(e.in(n.input(0), l) + ".sub(" + Emitting.operand(n.input(1), l, e) + ").square()", l);
        });
        for (String[] b : new String[][] {{"equal", "Equal", "eq"}, {"notEqual", "NotEqual", "ne"},
            {"greater", "Greater", "gt"}, {"less", "Less", "lt"}}) {
            ANALYZE.put("MathOps#" + b[0], c -> {
                c.onlyOptions(2, "incompatibleShapeError");
                return binary(c, b[0], b[1], "bool");
            });
            binaryEmit(b[0], b[2]);
        }
        ANALYZE.put("MathOps#argMax", c -> {
            TfNode x = c.tf(0);
            long axis = c.longs(1)[0];
            String out = c.arity() == 3 ? dtypeOfClass(c, 2) : "int64";
            TfNode n = c.make("argMax", "ArgMax", x, c.tf(1));
            n.attrs.put("axis", axis);
            n.attrs.put("out", out);
            n.dtype = out;
            n.shape = Shapes.reduce(x.shape, new long[] {axis}, false);
            return n;
        });
        ANALYZE.put("DtypesOps#cast", c -> {
            c.onlyOptions(2, "Truncate");
            TfNode x = c.tf(0);
            TfNode n = c.make("cast", "Cast", x);
            n.dtype = dtypeOfClass(c, 1);
            n.shape = Interpreter.copy(x.shape);
            return n;
        });
        ANALYZE.put("LinalgOps#matMul", c -> {
            c.onlyOptions(2, "transposeA", "transposeB");
            TfNode a = c.tf(0);
            TfNode b = c.tf(1);
            TfNode n = c.make("matMul", "MatMul", a, b);
            boolean ta = Boolean.TRUE.equals(c.option(2, "transposeA"));
            boolean tb = Boolean.TRUE.equals(c.option(2, "transposeB"));
            n.attrs.put("transposeA", ta);
            n.attrs.put("transposeB", tb);
            n.dtype = a.dtype;
            n.shape = Shapes.matmul(a.shape, b.shape, ta, tb);
            return n;
        });
        ANALYZE.put("NnOps#softmax", c -> unary(c, "softmax", "Softmax"));
        ANALYZE.put("NnOps#logSoftmax", c -> unary(c, "logSoftmax", "LogSoftmax"));
        ANALYZE.put("NnOps#l2Loss", c -> {
            TfNode n = unary(c, "l2Loss", "L2Loss");
            n.shape = new long[0];
            return n;
        });
        ANALYZE.put("NnOps#biasAdd", c -> {
            Object fmt = c.option(2, "dataFormat");
            if (fmt != null && !"NHWC".equals(fmt)) {
                throw new Unsupported(c.x, "biasAdd with data format " + fmt);
            }
            TfNode x = c.tf(0);
            TfNode n = c.make("biasAdd", "BiasAdd", x, c.tf(1));
            n.dtype = x.dtype;
            n.shape = Interpreter.copy(x.shape);
            return n;
        });
        ANALYZE.put("NnOps#conv2d", Convolutions::conv2d);
        ANALYZE.put("NnOps#maxPool", c -> Convolutions.pool(c, "maxPool", "MaxPool"));
        ANALYZE.put("NnOps#avgPool", c -> Convolutions.pool(c, "avgPool", "AvgPool"));
        ANALYZE.put("NnOps#softmaxCrossEntropyWithLogits", c -> crossEntropy(c, "softmaxCE",
                "SoftmaxCrossEntropyWithLogits"));
        ANALYZE.put("NnOps#sparseSoftmaxCrossEntropyWithLogits", c -> crossEntropy(c, "sparseSoftmaxCE",
                "SparseSoftmaxCrossEntropyWithLogits"));
        ANALYZE.put("TrainOps#applyGradientDescent", c -> {
            c.onlyOptions(3, "useLocking");
            TfNode var = c.tf(0);
            if (!var.op.equals("variable")) {
                throw new Unsupported(c.x, "applyGradientDescent on something that is not a tf.variable");
            }
            return c.make("applyGradientDescent", "ApplyGradientDescent", var, c.tf(1), c.tf(2));
        });

        EMIT.put("identity", (n, e) -> new Code(e.in(n.input(0), Layout.ANY), e.layoutOf(n.input(0))));
        EMIT.put("stopGradient", (n, e) -> new Code(e.in(n.input(0), Layout.ANY) + ".detach()", e.layoutOf(n.input(0))));
        EMIT.put("zeros", (n, e) -> Code.plain(e.type("dev.ember.engine.Tensor") + ".zeros("
                + Emitting.dtypeArg(n.dtype, e) + Emitting.dims((long[]) n.attr("dims")) + ")"));
        EMIT.put("ones", (n, e) -> Code.plain(e.type("dev.ember.engine.Tensor") + ".ones("
                + Emitting.dtypeArg(n.dtype, e) + Emitting.dims((long[]) n.attr("dims")) + ")"));
        EMIT.put("reshape", (n, e) -> Code.plain(e.in(n.input(0), Layout.PLAIN) + ".reshape("
                + Emitting.shapeSource(n.input(1), (long[]) n.attr("shape")) + ")"));
        EMIT.put("cast", (n, e) -> new Code(e.in(n.input(0), Layout.ANY) + ".to(" + e.type("dev.ember.engine.DType") + "."
                + engineDType(n.dtype) + ")", e.layoutOf(n.input(0))));
        EMIT.put("argMax", (n, e) -> Code.plain(e.in(n.input(0), Layout.PLAIN) + ".argmax(" + n.attr("axis")
                + ", false)" + ("int64".equals(n.attr("out")) ? "" : ".to(" + e.type("dev.ember.engine.DType") + "."
                + engineDType((String) n.attr("out")) + ")")));
        EMIT.put("matMul", (n, e) -> Code.plain(e.in(n.input(0), Layout.PLAIN)
                + (Boolean.TRUE.equals(n.attr("transposeA")) ? ".t()" : "") + ".matmul("
                + e.in(n.input(1), Layout.PLAIN) + (Boolean.TRUE.equals(n.attr("transposeB")) ? ".t()" : "") + ")"));
        EMIT.put("softmax", (n, e) -> lastAxis(n, e, "softmax"));
        EMIT.put("logSoftmax", (n, e) -> lastAxis(n, e, "logSoftmax"));
        EMIT.put("l2Loss", (n, e) -> Code.plain(e.in(n.input(0), Layout.ANY) + ".square().sum().div(2)"));
        EMIT.put("biasAdd", Convolutions::biasAdd);
        EMIT.put("conv2d", Convolutions::conv2dEmit);
        EMIT.put("maxPool", Convolutions::poolEmit);
        EMIT.put("avgPool", Convolutions::poolEmit);
        EMIT.put("sum", (n, e) -> Emitting.reduce(n, e, "sum"));
        EMIT.put("mean", (n, e) -> Emitting.reduce(n, e, "mean"));
        EMIT.put("max", (n, e) -> Emitting.reduce(n, e, "amax"));
        EMIT.put("oneHot", Emitting::oneHot);
        EMIT.put("softmaxCE.loss", Emitting::crossEntropy);
        EMIT.put("sparseSoftmaxCE.loss", Emitting::crossEntropy);
    }

    static BiFunction<TfNode, Emit, Code> emitter(String op) {
        return EMIT.get(op);
    }

    private static Code lastAxis(TfNode n, Emit e, String method) {
        if (e.layoutOf(n.input(0)) == Layout.CF) {
            return new Code(e.in(n.input(0), Layout.CF) + "." + method + "(1)", Layout.CF);
        }
        return Code.plain(e.in(n.input(0), Layout.PLAIN) + "." + method + "(-1)");
    }

    private static TfNode constant(Call c) {
        String javaType;
        Object value;
        Expression expr;
        if (c.arity() == 2) {
            String dtype = dtypeOfClass(c, 0);
            Object v = c.java(1);
            TfNode n = c.make("const", "Const");
            n.attrs.put("value", v);
            n.attrs.put("expr", c.arg(1));
            n.attrs.put("javaType", dtype.equals("float32") ? "float" : dtype.equals("float64") ? "double"
                    : dtype.equals("int32") ? "int" : dtype.equals("int64") ? "long" : "boolean");
            n.dtype = dtype;
            n.shape = new long[0];
            return n;
        }
        if (c.arity() != 1) {
            throw new Unsupported(c.x, "tf.constant with " + c.arity() + " arguments (shape + buffer forms) is not "
                    + "converted");
        }
        expr = c.arg(0);
        Val v = c.args.get(0);
        if (v instanceof Val.Const k) {
            value = k.value();
            javaType = value instanceof JArray a ? a.elem() + "[]".repeat(a.rank()) : primitiveOf(value);
        } else if (v instanceof Val.Opaque o) {
            value = null;
            javaType = o.type();
        } else {
            throw new Unsupported(c.x, "tf.constant of a value the analysis does not know");
        }
        String dtype = javaTypeDType(javaType == null ? "?" : javaType);
        if (dtype == null) {
            throw new Unsupported(c.x, "tf.constant of a " + javaType + " (an ndarray or string) is not converted");
        }
        TfNode n = c.make("const", "Const");
        n.attrs.put("value", value);
        n.attrs.put("expr", expr);
        n.attrs.put("javaType", javaType);
        n.dtype = dtype;
        int rank = (javaType.length() - javaType.replace("[]", "").length()) / 2;
        if (value instanceof JArray a) {
            n.shape = a.shape().clone();
        } else {
            n.shape = new long[rank];
            java.util.Arrays.fill(n.shape, -1);
        }
        return n;
    }

    private static String primitiveOf(Object v) {
        if (v instanceof Float) {
            return "float";
        }
        if (v instanceof Double) {
            return "double";
        }
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Long) {
            return "long";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        return null;
    }

    private static TfNode filled(Call c, String op, String tfType) {
        long[] dims = c.longs(0);
        TfNode n = c.make(op, tfType, c.tf(0));
        n.attrs.put("dims", dims);
        n.dtype = dtypeOfClass(c, 1);
        n.shape = dims.clone();
        return n;
    }

    private static TfNode reduce(Call c, String op, String tfType) {
        c.onlyOptions(2, "keepDims");
        TfNode x = c.tf(0);
        long[] axes = c.longs(1);
        boolean keep = Boolean.TRUE.equals(c.option(2, "keepDims"));
        if (!op.equals("max") && x.dtype != null && !x.isFloat()) {
            throw new Unsupported(c.x, "reduce " + op + " of integers is not converted");
        }
        TfNode n = c.make(op, tfType, x, c.tf(1));
        n.attrs.put("axes", axes);
        n.attrs.put("keepDims", keep);
        n.dtype = x.dtype;
        n.shape = Shapes.reduce(x.shape, axes, keep);
        return n;
    }

    private static TfNode crossEntropy(Call c, String op, String tfType) {
        TfNode logits = c.tf(0);
        TfNode labels = c.tf(1);
        if (logits.shape != null && logits.rank() != 2) {
            throw new Unsupported(c.x, tfType + " of rank-" + logits.rank() + " logits (TF takes [batch, classes])");
        }
        TfNode n = c.make(op, tfType, logits, labels);
        n.dtype = logits.dtype;
        n.shape = Interpreter.copy(logits.shape);
        return n;
    }
}
