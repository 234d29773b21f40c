package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Writes the body of one generated method: the backward slice of its outputs, each TF value once, in
 * creation order, as locals with the user's variable names (values used once and unnamed are
 * inlined), translated through {@link OpTranslations} while tracking each value's layout.
 */
final class MethodEmitter implements Emit {
    /** Where the generated code lives: fields, constructor parameters, imports, comments. */
    interface Context {
        /** The field holding a variable (or a constant computed once), or null. */
        Code field(TfNode n);

        /** A field for a constant whose expression needs the program's locals (computed in the constructor). */
        Code constField(TfNode n);

        /** Registers a local of the program used by {@code e} as a constructor parameter; false if it is not a local. */
        boolean freeVariables(Expression e);

        /** True when {@code e} uses locals of the program (which the generated method cannot see). */
        boolean usesLocals(Expression e);

        String type(String qualifiedName);

        /** The comment of a graph statement, once per method, or null. */
        String comment(Statement s);
    }

    private record Fusion(Set<TfNode> absorbed, List<TfNode> inputs) {
    }

    private final Context ctx;
    private final boolean constructor;
    private final Map<TfNode, Code> bound = new HashMap<>();
    private final Map<TfNode, Code> inline = new HashMap<>();
    private final Map<TfNode, Fusion> fusions = new HashMap<>();
    private final Set<String> names = new HashSet<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> pendingComments = new ArrayList<>();
    private final Set<Statement> commented = new HashSet<>();
    private final Map<TfNode, String> params = new java.util.LinkedHashMap<>();

    /** @param reserved names the method must not declare (fields, parameters) */
    MethodEmitter(Context ctx, boolean constructor, Set<String> reserved) {
        this.ctx = ctx;
        this.constructor = constructor;
        this.names.addAll(reserved);
    }

    /** Binds a placeholder (or fed value) to a parameter of the method. */
    void param(TfNode n, String name) {
        bound.put(n, Code.plain(name));
        params.put(n, name);
        names.add(name);
    }

    /** Binds a value computed elsewhere (e.g. by {@code forward}) to an expression. */
    void bind(TfNode n, Code c) {
        bound.put(n, c);
    }

    /** Declares what {@code outputs} need as locals (see {@link #drain}); then {@link #output} gives each output. */
    void emit(List<TfNode> outputs) {
        List<TfNode> slice = slice(outputs);
        Map<TfNode, Integer> rawUses = uses(slice, outputs, false);
        planFusions(slice, rawUses, outputs);
        List<TfNode> effective = slice(outputs);
        Map<TfNode, Integer> uses = uses(effective, outputs, true);
        for (TfNode n : effective) {
            if (bound.containsKey(n) || absorbed(n) || n.op.equals("const") || ctx.field(n) != null) {
                continue;
            }
            int u = uses.getOrDefault(n, 0);
            boolean output = outputs.contains(n);
            boolean materialize = output ? u > 0 : (n.javaName != null && u > 0) || u > 1;
            if (materialize) {
                Code c = translate(n);
                String name = fresh(n.javaName != null ? n.javaName : suggest(n));
                flushComments();
                lines.add(ctx.type("dev.ember.engine.Tensor") + (n.op.equals("gradients") ? "[]" : "") + " " + name
                        + " = " + c.expr() + ";");
                bound.put(n, new Code(name, c.layout()));
            }
        }
    }

    /** The expression of output {@code n} in TF's layout (after {@link #emit}). */
    String output(TfNode n) {
        return in(n, Layout.PLAIN);
    }

    /** The lines written so far, with the comments of the statements they cover; clears them. */
    List<String> drain() {
        flushComments();
        List<String> out = new ArrayList<>(lines);
        lines.clear();
        return out;
    }

    /** Parameters whose every use is {@code .permute(0, 3, 1, 2)}: the method converts them once, at the top. */
    static List<String> hoistBoundaryPermutes(List<String> body, Iterable<String> paramNames) {
        List<String> out = new ArrayList<>(body);
        List<String> head = new ArrayList<>();
        for (String p : paramNames) {
            String use = "\\b" + p + "\\b";
            String permuted = "\\b" + p + "\\.permute\\(0, 3, 1, 2\\)";
            String all = String.join("\n", out);
            long total = java.util.regex.Pattern.compile(use).matcher(all).results().count();
            long perm = java.util.regex.Pattern.compile(permuted).matcher(all).results().count();
            if (total > 0 && total == perm && perm > 0) {
                out.replaceAll(l -> l.replaceAll(permuted, p));
                head.add(p + " = " + p + ".permute(0, 3, 1, 2);   // NHWC (as fed to TF) -> NCHW");
            }
        }
        head.addAll(out);
        return head;
    }

    // ---------------------------------------------------------------- Emit

    @Override
    public String in(TfNode n, Layout need) {
        Code c = code(n);
        if (need == Layout.ANY || need == c.layout()) {
            return c.expr();
        }
        if (n.rank() >= 0 && n.rank() != 4) {
            throw new Unsupported(n.source, "a layout change of a rank-" + n.rank() + " value");
        }
        switch (c.layout()) {
            case PLAIN:
                return c.expr() + (need == Layout.CF ? ".permute(0, 3, 1, 2)" : ".permute(3, 2, 0, 1)");
            case CF:
                if (need == Layout.PLAIN) {
                    return c.expr() + ".permute(0, 2, 3, 1)";
                }
                break;
            case OIHW:
                if (need == Layout.PLAIN) {
                    return c.expr() + ".permute(2, 3, 1, 0)";
                }
                break;
            default:
                break;
        }
        throw new Unsupported(n.source, "a value needed both as an activation and as a conv kernel");
    }

    @Override
    public Layout layoutOf(TfNode n) {
        return code(n).layout();
    }

    @Override
    public String java(TfNode c) {
        Object e = c.attr("expr");
        if (e instanceof Expression x) {
            checkLocals(c, x);
            return Src.of(x);
        }
        return String.valueOf(c.attr("value"));
    }

    @Override
    public String constTensor(TfNode c) {
        Expression x = (Expression) c.attr("expr");
        String t = ctx.type("dev.ember.engine.Tensor");
        String javaType = (String) c.attr("javaType");
        String src = Src.of(x);
        int rank = (javaType.length() - javaType.replace("[]", "").length()) / 2;
        String elem = javaType.replace("[]", "").strip();
        if (rank == 0) {
            switch (elem) {
                case "float": return t + ".scalar(" + src + ")";
                case "double": return t + ".scalar(" + src + ", " + type("dev.ember.engine.DType") + ".FLOAT64)";
                case "int": return t + ".scalar(" + src + ", " + type("dev.ember.engine.DType") + ".INT32)";
                case "long": return t + ".scalar((long) " + src + ")";
                case "boolean": return t + ".scalar(" + src + ")";
                default: break;
            }
        }
        if (elem.equals("float") && rank <= 4 || elem.equals("long") && rank <= 2 || elem.equals("boolean") && rank == 1) {
            return t + ".of(" + src + ")";
        }
        if (elem.equals("int") && rank == 1) {
            return t + ".of(" + src + ").to(" + type("dev.ember.engine.DType") + ".INT32)";
        }
        if (elem.equals("double") && rank == 1 && (x instanceof NameExpr || x instanceof ArrayCreationExpr)) {
            String len = x instanceof NameExpr ? src + ".length" : Long.toString(c.shape[0]);
            return t + ".fromArray(" + src + ", " + len + ")";
        }
        throw new Unsupported(c.source, "a " + javaType + " constant (the engine has no direct factory for it)");
    }

    @Override
    public String type(String qualifiedName) {
        return ctx.type(qualifiedName);
    }

    // ---------------------------------------------------------------- fusions (used by the translations)

    /** True when {@code inner} was folded into {@code outer} (e.g. conv2d into its biasAdd). */
    boolean fusable(TfNode inner, TfNode outer) {
        Fusion f = fusions.get(outer);
        return f != null && f.absorbed.contains(inner);
    }

    /** {@code mean(softmaxCE(logits, oneHot(labels)).loss(), 0)} as {@code F.crossEntropy(logits, labels)}, or null. */
    Code fusedCrossEntropy(TfNode mean) {
        Fusion f = fusions.get(mean);
        if (f == null) {
            return null;
        }
        String fn = ctx.type("dev.ember.engine.nn.Functional");
        TfNode target = f.inputs.get(1);
        String t = target.isFloat() ? in(target, Layout.PLAIN) : Emitting.indices(target, this);
        return Code.plain(fn + ".crossEntropy(" + in(f.inputs.get(0), Layout.PLAIN) + ", " + t + ")");
    }

    private void planFusions(List<TfNode> slice, Map<TfNode, Integer> uses, List<TfNode> outputs) {
        for (TfNode n : slice) {
            if (n.op.equals("biasAdd") && n.input(0).op.equals("conv2d") && once(n.input(0), uses, outputs)
                    && !bound.containsKey(n.input(0))) {
                TfNode conv = n.input(0);
                fusions.put(n, new Fusion(Set.of(conv), List.of(conv.input(0), conv.input(1), n.input(1))));
            }
            if (n.op.equals("mean") && !Boolean.TRUE.equals(n.attr("keepDims"))) {
                TfNode loss = n.input(0);
                long[] axes = (long[]) n.attr("axes");
                boolean overBatch = axes.length == 1 && (axes[0] == 0 || axes[0] == -1);
                if (!overBatch || !(loss.op.equals("softmaxCE.loss") || loss.op.equals("sparseSoftmaxCE.loss"))
                        || !once(loss, uses, outputs) || bound.containsKey(loss)) {
                    continue;
                }
                TfNode ce = loss.input(0);
                if (!once(ce, uses, outputs) || bound.containsKey(ce)) {
                    continue;
                }
                Set<TfNode> absorbed = new HashSet<>(List.of(loss, ce));
                TfNode target = ce.input(1);
                if (ce.op.equals("softmaxCE") && target.op.equals("oneHot") && once(target, uses, outputs)
                        && !bound.containsKey(target) && onOffAreOneZero(target)) {
                    absorbed.add(target);
                    target = target.input(0);
                }
                fusions.put(n, new Fusion(absorbed, List.of(ce.input(0), target)));
            }
        }
    }

    private static boolean onOffAreOneZero(TfNode oneHot) {
        return OpTranslations.constValue(oneHot.input(2)) instanceof Number a && a.doubleValue() == 1
                && OpTranslations.constValue(oneHot.input(3)) instanceof Number b && b.doubleValue() == 0;
    }

    private static boolean once(TfNode n, Map<TfNode, Integer> uses, List<TfNode> outputs) {
        return uses.getOrDefault(n, 0) == 1 && !outputs.contains(n);
    }

    private boolean absorbed(TfNode n) {
        for (Fusion f : fusions.values()) {
            if (f.absorbed.contains(n)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- slices and translation

    private List<TfNode> inputsOf(TfNode n) {
        Fusion f = fusions.get(n);
        if (f != null) {
            return f.inputs;
        }
        switch (n.op) {
            case "maxPool":
            case "reshape":
            case "sum":
            case "mean":
            case "max":
            case "argMax":
            case "oneHot":
                return List.of(n.input(0));
            case "zeros":
            case "ones":
            case "const":
            case "placeholder":
            case "variable":
                return List.of();
            default:
                return n.inputs;
        }
    }

    private List<TfNode> slice(List<TfNode> outputs) {
        Set<TfNode> seen = new LinkedHashSet<>();
        List<TfNode> stack = new ArrayList<>(outputs);
        while (!stack.isEmpty()) {
            TfNode n = stack.remove(stack.size() - 1);
            if (!seen.add(n) || bound.containsKey(n) || ctx.field(n) != null) {
                continue;
            }
            if (n.op.equals("placeholder")) {
                throw new Unsupported(n.source, "placeholder `" + n.label() + "` is needed but not fed");
            }
            stack.addAll(inputsOf(n));
        }
        TreeSet<TfNode> sorted = new TreeSet<>((a, b) -> Integer.compare(a.id, b.id));
        sorted.addAll(seen);
        return new ArrayList<>(sorted);
    }

    private Map<TfNode, Integer> uses(List<TfNode> slice, List<TfNode> outputs, boolean effective) {
        Map<TfNode, Integer> uses = new HashMap<>();
        for (TfNode n : slice) {
            if (bound.containsKey(n) || ctx.field(n) != null || (effective && absorbed(n))) {
                continue;
            }
            for (TfNode i : effective ? inputsOf(n) : rawInputs(n)) {
                uses.merge(i, 1, Integer::sum);
            }
        }
        return uses;
    }

    private List<TfNode> rawInputs(TfNode n) {
        Fusion f = fusions.remove(n);
        List<TfNode> in = inputsOf(n);
        if (f != null) {
            fusions.put(n, f);
        }
        return in;
    }

    private Code code(TfNode n) {
        Code c = bound.get(n);
        if (c != null) {
            return c;
        }
        Code f = ctx.field(n);
        if (f != null) {
            return f;
        }
        c = inline.get(n);
        if (c == null) {
            c = translate(n);
            inline.put(n, c);
        }
        return c;
    }

    private Code translate(TfNode n) {
        note(n);
        if (n.op.equals("const")) {
            Expression x = (Expression) n.attr("expr");
            if (!constructor && ctx.usesLocals(x)) {
                return ctx.constField(n);
            }
            checkLocals(n, x);
            return Code.plain(constTensor(n));
        }
        if (n.op.equals("placeholder")) {
            throw new Unsupported(n.source, "placeholder `" + n.label() + "` is needed but not fed");
        }
        if (n.op.equals("gradients")) {
            return Code.plain(gradients(n));
        }
        if (n.op.equals("dy")) {
            return Code.plain(in(n.input(0), Layout.ANY) + "[" + n.attr("index") + "]");
        }
        if (n.isStateful() || n.op.equals("noOp")) {
            throw new Unsupported(n.source, "`" + n.label() + "` (" + n.op + ") used as a value");
        }
        BiFunction<TfNode, Emit, Code> t = OpTranslations.emitter(n.op);
        if (t == null) {
            throw new Unsupported(n.source, "no engine translation for " + n.op);
        }
        return t.apply(n, this);
    }

    /**
     * {@code tf.gradients(y, xs)} as values: {@code Autograd.grad} (torch.autograd.grad) of {@code y} (summed when
     * not a scalar, as TF does) with respect to parameters, leaving their {@code .grad} alone.
     */
    private String gradients(TfNode n) {
        TfNode y = n.input(0);
        List<String> wrt = new ArrayList<>();
        for (TfNode x : n.inputs.subList(1, n.inputs.size())) {
            Code f = ctx.field(x);
            if (!x.op.equals("variable") || f == null) {
                throw new Unsupported(n.source, "gradients with respect to `" + x.label() + "`, which is not a variable, "
                        + "are not converted yet");
            }
            if (f.layout() != Layout.PLAIN) {
                throw new Unsupported(n.source, "gradients with respect to `" + x.label() + "`, held in the engine's "
                        + f.layout() + " layout, are not converted yet (TF's would be in its own layout)");
            }
            wrt.add(f.expr());
        }
        String t = ctx.type("dev.ember.engine.Tensor");
        String root = y.rank() == 0 ? in(y, Layout.PLAIN) : in(y, Layout.ANY) + ".sum()";
        return ctx.type("dev.ember.engine.autograd.Autograd") + ".grad(new " + t + "[] {" + root + "}, new " + t + "[] {"
                + String.join(", ", wrt) + "}, null, true, false, false)";
    }

    private void checkLocals(TfNode n, Expression x) {
        if (constructor) {
            if (!ctx.freeVariables(x)) {
                throw new Unsupported(x, "`" + x + "` uses a local that changes after the graph is built");
            }
        } else if (ctx.usesLocals(x)) {
            throw new Unsupported(x, "`" + x + "` uses locals of the graph program inside a computation");
        }
    }

    private void note(TfNode n) {
        if (n.statement != null && commented.add(n.statement)) {
            String c = ctx.comment(n.statement);
            if (c != null) {
                pendingComments.add(c);
            }
        }
    }

    private void flushComments() {
        lines.addAll(pendingComments);
        pendingComments.clear();
    }

    private String suggest(TfNode n) {
        if (n.tfName != null) {
            String last = n.tfName.substring(n.tfName.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "_");
            if (!last.isEmpty() && Character.isJavaIdentifierStart(last.charAt(0))) {
                return Character.toLowerCase(last.charAt(0)) + last.substring(1);
            }
        }
        return n.op.replaceAll("[^A-Za-z0-9]", "");
    }

    String fresh(String base) {
        String name = base;
        for (int i = 2; names.contains(name) || javax.lang.model.SourceVersion.isKeyword(name); i++) {
            name = base + i;
        }
        names.add(name);
        return name;
    }
}
