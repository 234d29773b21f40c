package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the engine code the translations write. */
final class Emitting {
    private Emitting() {
    }

    /**
     * The layout both operands of an elementwise op can share: the same one, or the non-scalar's when
     * the other is a scalar; otherwise TF's order (NHWC broadcasting against a [C] vector is only
     * right there).
     */
    static Layout sharedLayout(TfNode a, TfNode b, Emit e) {
        Layout la = e.layoutOf(a);
        Layout lb = e.layoutOf(b);
        if (la == lb) {
            return la;
        }
        if (b.rank() == 0) {
            return la;
        }
        if (a.rank() == 0) {
            return lb;
        }
        return Layout.PLAIN;
    }

    /** The second operand: a float literal scalar stays a Java number ({@code x.mul(0.5f)}), else a tensor. */
    static String operand(TfNode b, Layout l, Emit e) {
        Object v = OpTranslations.constValue(b);
        if (b.op.equals("const") && (v instanceof Float || v instanceof Double) && "float32".equals(b.dtype)) {
            return e.java(b);
        }
        return e.in(b, l);
    }

    static String dtypeArg(String dtype, Emit e) {
        return "float32".equals(dtype) ? "" : e.type("dev.ember.engine.DType") + "." + OpTranslations.engineDType(dtype)
                + ", ";
    }

    static String dims(long[] d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(d[i]);
        }
        return sb.toString();
    }

    /** The arguments of {@code reshape(...)}: the user's element expressions when the shape was a literal array. */
    static String shapeSource(TfNode shapeNode, long[] values) {
        Object expr = shapeNode.op.equals("const") ? shapeNode.attr("expr") : null;
        ArrayInitializerExpr init = null;
        if (expr instanceof ArrayCreationExpr ac && ac.getInitializer().isPresent()) {
            init = ac.getInitializer().get();
        } else if (expr instanceof ArrayInitializerExpr ai) {
            init = ai;
        }
        if (init != null && init.getValues().size() == values.length) {
            List<String> parts = new ArrayList<>();
            for (Expression v : init.getValues()) {
                parts.add(Src.of(v));
            }
            return String.join(", ", parts);
        }
        return dims(values);
    }

    static String axes(long[] axes) {
        return axes.length == 1 ? Long.toString(axes[0]) : "new int[] {" + dims(axes) + "}";
    }

    static Code reduce(TfNode n, Emit e, String method) {
        long[] axes = (long[]) n.attr("axes");
        boolean keep = Boolean.TRUE.equals(n.attr("keepDims"));
        if (method.equals("mean") && e instanceof MethodEmitter m) {
            Code fused = m.fusedCrossEntropy(n);
            if (fused != null) {
                return fused;
            }
        }
        String x = e.in(n.input(0), Layout.PLAIN);
        int rank = n.input(0).rank();
        boolean all = rank >= 0 && axes.length == rank && distinct(axes, rank);
        if (method.equals("amax")) {
            return Code.plain(x + ".amax(new int[] {" + dims(axes) + "}, " + keep + ")");
        }
        if (all && !keep) {
            return Code.plain(x + "." + method + "()");
        }
        if (axes.length == 1) {
            return Code.plain(x + "." + method + "(" + axes[0] + (keep ? ", true" : "") + ")");
        }
        return Code.plain(x + "." + method + "(new int[] {" + dims(axes) + "}, " + keep + ")");
    }

    private static boolean distinct(long[] axes, int rank) {
        boolean[] seen = new boolean[rank];
        for (long a : axes) {
            int ax = (int) (a < 0 ? a + rank : a);
            if (ax < 0 || ax >= rank || seen[ax]) {
                return false;
            }
            seen[ax] = true;
        }
        return true;
    }

    static Code oneHot(TfNode n, Emit e) {
        Object on = OpTranslations.constValue(n.input(2));
        Object off = OpTranslations.constValue(n.input(3));
        if (!(on instanceof Number a) || !(off instanceof Number b) || a.doubleValue() != 1 || b.doubleValue() != 0) {
            return e.refuse(n, "oneHot with on/off values other than 1 and 0");
        }
        String f = e.type("dev.ember.engine.nn.Functional");
        String hot = f + ".oneHot(" + indices(n.input(0), e) + ", " + n.attr("depth") + ")";
        return Code.plain("int64".equals(n.dtype) ? hot : hot + ".to(" + e.type("dev.ember.engine.DType") + "."
                + OpTranslations.engineDType(n.dtype) + ")");
    }

    /** Class indices as the engine wants them: int64. */
    static String indices(TfNode n, Emit e) {
        String x = e.in(n, Layout.PLAIN);
        if ("int64".equals(n.dtype)) {
            return x;
        }
        if ("int32".equals(n.dtype)) {
            return x + ".to(" + e.type("dev.ember.engine.DType") + ".INT64)";
        }
        e.refuse(n, "class indices of dtype " + n.dtype);
        return x;
    }

    /** Per-example cross-entropy ({@code .loss()} of TF's op): {@code reduction NONE}. */
    static Code crossEntropy(TfNode n, Emit e) {
        TfNode ce = n.input(0);
        String f = e.type("dev.ember.engine.nn.Functional");
        String logits = e.in(ce.input(0), Layout.PLAIN);
        String target = ce.op.equals("sparseSoftmaxCE") ? indices(ce.input(1), e) : e.in(ce.input(1), Layout.PLAIN);
        return Code.plain(f + ".crossEntropy(" + logits + ", " + target + ", null, -100, "
                + e.type("dev.ember.engine.nn.Reduction") + ".NONE, 0)");
    }
}
