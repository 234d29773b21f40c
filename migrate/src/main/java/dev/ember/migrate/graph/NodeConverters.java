package dev.ember.migrate.graph;

import static java.util.Map.entry;

import dev.ember.migrate.graph.GraphConverter.Unsupported;
import dev.ember.migrate.graph.Val.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * The op table: each supported TF op type to the code that emits its eager form. Layers come from
 * {@link LayerPatterns}; everything else is one {@code Tensor}/{@code Functional} call per node.
 * An op that is not layout-agnostic asks for its inputs in TF's layout ({@link GraphConverter#plain}).
 */
final class NodeConverters {
    private static final Map<String, String> UNARY = Map.ofEntries(entry("Relu", "relu()"),
            entry("Relu6", "clamp(0, 6)"), entry("Elu", "elu()"), entry("Sigmoid", "sigmoid()"), entry("Tanh", "tanh()"),
            entry("Softplus", "softplus()"), entry("Exp", "exp()"), entry("Log", "log()"), entry("Log1p", "log1p()"),
            entry("Neg", "neg()"), entry("Abs", "abs()"), entry("Sqrt", "sqrt()"), entry("Rsqrt", "rsqrt()"),
            entry("Square", "square()"), entry("Reciprocal", "reciprocal()"), entry("Floor", "floor()"),
            entry("Ceil", "ceil()"), entry("Erf", "erf()"), entry("Sin", "sin()"), entry("Cos", "cos()"),
            entry("Sign", "sign()"));
    private static final Map<String, String> BINARY = Map.of("Add", "add", "AddV2", "add", "Sub", "sub", "Mul", "mul",
            "RealDiv", "div", "Maximum", "maximum", "Minimum", "minimum", "Pow", "pow", "SquaredDifference", "sub");
    private static final Set<String> PASS_THROUGH = Set.of("Identity", "StopGradient", "Snapshot", "PreventGradient",
            "PlaceholderWithDefault", "ReadVariableOp");
    private static final Map<String, String> REDUCE = Map.of("Mean", "mean", "Sum", "sum", "Max", "amax", "Min", "amin");
    private static final Map<String, BiConsumer<NodeDef, GraphConverter>> TABLE = new TreeMap<>();

    static {
        UNARY.keySet().forEach(op -> TABLE.put(op, NodeConverters::unary));
        BINARY.keySet().forEach(op -> TABLE.put(op, NodeConverters::binary));
        PASS_THROUGH.forEach(op -> TABLE.put(op, NodeConverters::passThrough));
        REDUCE.keySet().forEach(op -> TABLE.put(op, NodeConverters::reduce));
        TABLE.put("MatMul", LayerPatterns::matMul);
        TABLE.put("Conv2D", LayerPatterns::conv2d);
        TABLE.put("FusedBatchNorm", LayerPatterns::batchNorm);
        TABLE.put("FusedBatchNormV2", LayerPatterns::batchNorm);
        TABLE.put("FusedBatchNormV3", LayerPatterns::batchNorm);
        TABLE.put("BiasAdd", NodeConverters::biasAdd);
        TABLE.put("LeakyRelu", NodeConverters::leakyRelu);
        TABLE.put("Softmax", (n, g) -> softmax(n, g, "softmax"));
        TABLE.put("LogSoftmax", (n, g) -> softmax(n, g, "logSoftmax"));
        TABLE.put("Reshape", NodeConverters::reshape);
        TABLE.put("Squeeze", NodeConverters::squeeze);
        TABLE.put("ExpandDims", NodeConverters::expandDims);
        TABLE.put("Transpose", NodeConverters::transpose);
        TABLE.put("ConcatV2", NodeConverters::concat);
        TABLE.put("MaxPool", NodeConverters::pool);
        TABLE.put("MaxPoolV2", NodeConverters::pool);
        TABLE.put("AvgPool", NodeConverters::pool);
    }

    private NodeConverters() {
    }

    static boolean supports(String op) {
        return TABLE.containsKey(op);
    }

    static List<String> supported() {
        return new ArrayList<>(TABLE.keySet());
    }

    static void convert(NodeDef n, GraphConverter g) {
        TABLE.get(n.getOp()).accept(n, g);
    }

    private static DataType type(NodeDef n) {
        return GraphConverter.attrType(n, "T", "dtype");
    }

    private static void put(NodeDef n, GraphConverter g, String expr, Layout layout, long[] shape, long[] hwc) {
        g.set(n.getName(), 0, g.emit(n.getName(), n.getOp(), expr, layout, shape, type(n), hwc));
    }

    // ---------------------------------------------------------------- elementwise

    private static void passThrough(NodeDef n, GraphConverter g) {
        g.set(n.getName(), 0, g.in(0));
    }

    private static void unary(NodeDef n, GraphConverter g) {
        Val x = g.in(0);
        put(n, g, x.expr() + "." + UNARY.get(n.getOp()), x.layout(), x.shape(), x.hwc());
    }

    private static void leakyRelu(NodeDef n, GraphConverter g) {
        Val x = g.in(0);
        put(n, g, x.expr() + ".leakyRelu(" + Attrs.real(n, "alpha", 0.2f) + "f)", x.layout(), x.shape(), x.hwc());
    }

    private static void binary(NodeDef n, GraphConverter g) {
        Val a = g.in(0);
        Val b = g.in(1);
        Layout layout = Layout.PLAIN;
        long[] hwc = null;
        if (a.layout() == Layout.NCHW && b.layout() == Layout.NCHW) {
            layout = Layout.NCHW;   // same-rank broadcasting commutes with the permutation
        } else if (a.layout() == Layout.FLAT_CHW && b.layout() == Layout.FLAT_CHW && Arrays.equals(a.hwc(), b.hwc())) {
            layout = Layout.FLAT_CHW;
            hwc = a.hwc();
        } else if (a.layout() != Layout.PLAIN && b.isScalar() || b.layout() != Layout.PLAIN && a.isScalar()) {
            layout = a.isScalar() ? b.layout() : a.layout();
            hwc = a.isScalar() ? b.hwc() : a.hwc();
        } else if (a.layout() == Layout.NCHW && b.layout() == Layout.PLAIN && b.rank() == 1) {
            layout = Layout.NCHW;
            b = b.withExpr(b.expr() + ".reshape(-1, 1, 1)");
        } else if (b.layout() == Layout.NCHW && a.layout() == Layout.PLAIN && a.rank() == 1) {
            layout = Layout.NCHW;
            a = a.withExpr(a.expr() + ".reshape(-1, 1, 1)");
        } else {
            a = g.plain(a);
            b = g.plain(b);
        }
        String expr = a.expr() + "." + BINARY.get(n.getOp()) + "(" + b.expr() + ")"
                + (n.getOp().equals("SquaredDifference") ? ".square()" : "");
        put(n, g, expr, layout, broadcast(a.shape(), b.shape()), hwc);
    }

    private static void biasAdd(NodeDef n, GraphConverter g) {
        if (!Attrs.string(n, "data_format", "NHWC").equals("NHWC")) {
            throw new Unsupported("data_format " + Attrs.string(n, "data_format", "") + ": only NHWC is converted");
        }
        Val x = g.in(0);
        Val b = g.in(1);
        if (x.layout() == Layout.NCHW) {
            put(n, g, x.expr() + ".add(" + b.expr() + ".reshape(-1, 1, 1))", Layout.NCHW, x.shape(), null);
        } else {
            x = g.plain(x);
            put(n, g, x.expr() + ".add(" + b.expr() + ")", Layout.PLAIN, x.shape(), null);
        }
    }

    private static void softmax(NodeDef n, GraphConverter g, String method) {
        Val x = g.in(0);
        if (x.layout() == Layout.NCHW) {
            put(n, g, x.expr() + "." + method + "(1)", Layout.NCHW, x.shape(), null);   // TF's last axis is C
        } else {
            x = g.plain(x);
            put(n, g, x.expr() + "." + method + "(-1)", Layout.PLAIN, x.shape(), null);
        }
    }

    static void genericMatMul(NodeDef n, GraphConverter g) {
        Val a = g.plain(g.in(0));
        Val b = g.plain(g.in(1));
        boolean ta = Attrs.bool(n, "transpose_a", false);
        boolean tb = Attrs.bool(n, "transpose_b", false);
        long m = ta ? a.dim(1) : a.dim(0);
        long k = tb ? b.dim(0) : b.dim(1);
        put(n, g, a.expr() + (ta ? ".t()" : "") + ".matmul(" + b.expr() + (tb ? ".t()" : "") + ")", Layout.PLAIN,
                new long[] {m, k}, null);
    }

    // ---------------------------------------------------------------- shapes

    private static void reshape(NodeDef n, GraphConverter g) {
        long[] target = g.constInts(1, "Reshape's shape");
        Val x = g.in(0);
        if (x.layout() == Layout.NCHW && target.length == 2) {
            long h = x.dim(1);
            long w = x.dim(2);
            long c = x.dim(3);
            if (h > 0 && w > 0 && c > 0 && target[1] == h * w * c && (target[0] == -1 || target[0] == x.dim(0))) {
                // flatten in NCHW order; the next Linear's weight columns are reordered to match (LayerPatterns)
                put(n, g, x.expr() + ".flatten(1, -1)", Layout.FLAT_CHW, new long[] {x.dim(0), h * w * c},
                        new long[] {h, w, c});
                return;
            }
        }
        x = g.plain(x);
        put(n, g, x.expr() + ".reshape(" + GraphConverter.join(target) + ")", Layout.PLAIN, resolve(target, x.shape()), null);
    }

    private static void squeeze(NodeDef n, GraphConverter g) {
        Val x = g.plain(g.in(0));
        List<Long> dims = Attrs.ints(n, "squeeze_dims");
        if (dims.isEmpty()) {
            if (x.shape() == null || Arrays.stream(x.shape()).anyMatch(d -> d < 0)) {
                throw new Unsupported("Squeeze without squeeze_dims needs a fully known input shape");
            }
            put(n, g, x.expr() + ".squeeze()", Layout.PLAIN, Arrays.stream(x.shape()).filter(d -> d != 1).toArray(), null);
            return;
        }
        int rank = requireRank(x, "Squeeze");
        List<Integer> ds = new ArrayList<>();
        dims.forEach(d -> ds.add((int) (d < 0 ? d + rank : d)));
        ds.sort((p, q) -> q - p);
        StringBuilder expr = new StringBuilder(x.expr());
        List<Long> shape = new ArrayList<>();
        for (long d : x.shape()) {
            shape.add(d);
        }
        for (int d : ds) {
            expr.append(".squeeze(").append(d).append(')');
            shape.remove(d);
        }
        put(n, g, expr.toString(), Layout.PLAIN, shape.stream().mapToLong(Long::longValue).toArray(), null);
    }

    private static void expandDims(NodeDef n, GraphConverter g) {
        Val x = g.plain(g.in(0));
        long[] axis = g.constInts(1, "ExpandDims' axis");
        int rank = requireRank(x, "ExpandDims");
        int a = (int) (axis[0] < 0 ? axis[0] + rank + 1 : axis[0]);
        long[] shape = new long[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            shape[i] = i == a ? 1 : x.shape()[j++];
        }
        put(n, g, x.expr() + ".unsqueeze(" + a + ")", Layout.PLAIN, shape, null);
    }

    private static void transpose(NodeDef n, GraphConverter g) {
        Val x = g.plain(g.in(0));
        long[] perm = g.constInts(1, "Transpose's perm");
        long[] shape = x.shape() == null ? null : Arrays.stream(perm).map(p -> x.shape()[(int) p]).toArray();
        put(n, g, x.expr() + ".permute(" + GraphConverter.join(perm) + ")", Layout.PLAIN, shape, null);
    }

    private static void concat(NodeDef n, GraphConverter g) {
        int count = g.dataInputs(n).size() - 1;
        long axis = g.constInts(count, "ConcatV2's axis")[0];
        List<Val> parts = new ArrayList<>();
        boolean allNchw = true;
        for (int i = 0; i < count; i++) {
            parts.add(g.in(i));
            allNchw &= parts.get(i).layout() == Layout.NCHW;
        }
        int rank = requireRank(parts.get(0), "ConcatV2");
        int a = (int) (axis < 0 ? axis + rank : axis);
        int dim = allNchw ? new int[] {0, 2, 3, 1}[a] : a;
        StringBuilder expr = new StringBuilder("Tensor.cat(" + dim);
        long total = 0;
        for (Val p : parts) {
            Val v = allNchw ? p : g.plain(p);
            expr.append(", ").append(v.expr());
            total = total < 0 || v.dim(a) < 0 ? -1 : total + v.dim(a);
        }
        long[] shape = parts.get(0).shape().clone();
        shape[a] = total;
        put(n, g, expr + ")", allNchw ? Layout.NCHW : Layout.PLAIN, shape, null);
    }

    // ---------------------------------------------------------------- reductions and pooling

    private static void reduce(NodeDef n, GraphConverter g) {
        Val x = g.in(0);
        long[] raw = g.constInts(1, n.getOp() + "'s axes");
        boolean keep = Attrs.bool(n, "keep_dims", false);
        int rank = requireRank(x, n.getOp());
        if (raw.length == 0) {
            g.set(n.getName(), 0, x);   // TF reduces over no axis: the input itself
            return;
        }
        int[] axes = Arrays.stream(raw).mapToInt(a -> (int) (a < 0 ? a + rank : a)).sorted().distinct().toArray();
        Layout layout = Layout.PLAIN;
        int[] dims = axes;
        if (x.layout() == Layout.NCHW) {
            Set<Integer> s = new java.util.HashSet<>();
            Arrays.stream(axes).forEach(s::add);
            if (keep || s.contains(3) || s.contains(1) && s.contains(2)) {
                dims = Arrays.stream(axes).map(a -> new int[] {0, 2, 3, 1}[a]).sorted().toArray();
                layout = keep ? Layout.NCHW : Layout.PLAIN;
            } else {
                x = g.plain(x);
            }
        } else {
            x = g.plain(x);
        }
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            final int axis = i;
            boolean reduced = Arrays.stream(axes).anyMatch(a -> a == axis);
            if (!reduced || keep) {
                shape.add(reduced ? 1L : x.shape()[i]);
            }
        }
        String expr = x.expr() + "." + REDUCE.get(n.getOp()) + "(new int[] {" + Arrays.toString(dims).replaceAll("[\\[\\]]", "")
                + "}, " + keep + ")";
        put(n, g, expr, layout, shape.stream().mapToLong(Long::longValue).toArray(), null);
    }

    private static void pool(NodeDef n, GraphConverter g) {
        if (!Attrs.string(n, "data_format", "NHWC").equals("NHWC")) {
            throw new Unsupported("data_format " + Attrs.string(n, "data_format", "") + ": only NHWC pooling is converted");
        }
        boolean v2 = n.getOp().equals("MaxPoolV2");
        int[] k = v2 ? Attrs.hw(g.constInts(1, "ksize"), "ksize") : Attrs.hw(n, "ksize", "ksize");
        int[] s = v2 ? Attrs.hw(g.constInts(2, "strides"), "strides") : Attrs.hw(n, "strides", "strides");
        Val x = g.nchw(g.in(0));
        Padding p = Padding.of(n, x, new long[] {k[0], k[1]}, s, new int[] {1, 1});
        boolean max = n.getOp().startsWith("MaxPool");
        if (!max && !p.symmetric()) {
            throw new Unsupported("AvgPool SAME with uneven padding" + p.describe() + " divides by a per-position count "
                    + "that avg_pool2d cannot express");
        }
        String in = p.padded(n, x, Double.NEGATIVE_INFINITY, g);
        long ph = p.symmetric() ? p.top() : 0;
        long pw = p.symmetric() ? p.left() : 0;
        String args = in + ", new int[] {" + k[0] + ", " + k[1] + "}, new int[] {" + s[0] + ", " + s[1] + "}, new int[] {"
                + ph + ", " + pw + "}";
        // TF's SAME average ignores padded cells: count_include_pad=false
        String expr = max ? "Functional.maxPool2d(" + args + ", new int[] {1, 1}, false)"
                : "Functional.avgPool2d(" + args + ", false, " + (ph == 0 && pw == 0) + ")";
        put(n, g, expr, Layout.NCHW, new long[] {x.dim(0), p.outH(), p.outW(), x.dim(3)}, null);
    }

    // ---------------------------------------------------------------- static shapes

    private static int requireRank(Val x, String op) {
        if (x.shape() == null) {
            throw new Unsupported(op + " needs its input's rank, which the graph does not say");
        }
        return x.shape().length;
    }

    static long[] broadcast(long[] a, long[] b) {
        if (a == null || b == null) {
            return null;
        }
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long x = i < r - a.length ? 1 : a[i - (r - a.length)];
            long y = i < r - b.length ? 1 : b[i - (r - b.length)];
            out[i] = x == 1 ? y : y == 1 ? x : x < 0 ? y : x;
        }
        return out;
    }

    private static long[] resolve(long[] target, long[] input) {
        long[] out = target.clone();
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0) {
                unknown = i;
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0 && input != null && Arrays.stream(input).allMatch(d -> d >= 0) && known > 0) {
            out[unknown] = Arrays.stream(input).reduce(1, (p, q) -> p * q) / known;
        }
        return out;
    }
}
