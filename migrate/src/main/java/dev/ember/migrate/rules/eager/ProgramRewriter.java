package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ReferenceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the edits of one analysed graph program: graph statements removed (the model and optimizer
 * created where the last variable and the train op were), run sites replaced by module calls with
 * {@code zeroGrad(); backward(); step();} when they train, feed tensors and result reads converted,
 * try-with-resources that only closed TF objects unwrapped, the module class added.
 */
final class ProgramRewriter {
    private final GraphProgram p;
    private final SourceEdits ed;
    private final Imports imports;
    private final ModuleWriter mw;
    private final String unit;
    private final Map<MethodDeclaration, String> modelVars = new HashMap<>();
    private final Map<MethodDeclaration, Set<String>> names = new HashMap<>();
    private final Map<RunSite.OptimizerSpec, String> optimizers = new LinkedHashMap<>();
    private final Map<Expression, List<String>> resourceLines = new HashMap<>();
    private final List<String> infos = new ArrayList<>();
    private Statement anchor;

    ProgramRewriter(GraphProgram p, SourceEdits ed, Imports imports, String className) {
        this.p = p;
        this.ed = ed;
        this.imports = imports;
        this.mw = new ModuleWriter(p, className, imports, ed);
        this.unit = indentUnit(ed);
    }

    /** INFO notes for the report (checkpoint format, layout decisions). */
    List<String> infos() {
        return infos;
    }

    ModuleWriter module() {
        return mw;
    }

    void rewrite() {
        mw.plan();
        anchor();
        String model = fresh(p.method, "model");
        modelVars.put(p.method, model);
        for (RunSite rs : p.runSites) {
            if (rs.optimizer != null && !optimizers.containsKey(rs.optimizer)) {
                optimizers.put(rs.optimizer, fresh(p.method, "optimizer"));
            }
        }
        helpers();
        String classText = mw.write(ed.indentOf(p.owner) + unit, unit);
        statements(model);
        for (VariableDeclarator feed : p.feedVars) {
            feedVar(feed);
        }
        for (RunSite rs : p.runSites) {
            runSite(rs);
        }
        for (MethodCallExpr save : p.saves) {
            save(save, model);
        }
        List<TryStmt> tries = new ArrayList<>(p.tries);
        tries.sort((a, b) -> Integer.compare(ed.begin(b), ed.begin(a)));
        for (TryStmt t : tries) {
            tryStmt(t);
        }
        int close = ed.end(p.owner) - 1;
        ed.insert(ed.lineStart(close), classText);
    }

    // ---------------------------------------------------------------- graph statements, model, optimizer

    private void anchor() {
        anchor = p.lastVariable;
        if (anchor == null) {
            for (Statement s : p.graphStatements) {
                if (anchor == null || ed.begin(s) > ed.begin(anchor)) {
                    anchor = s;
                }
            }
        }
        Node scope = anchor.getParentNode().orElseThrow();
        for (RunSite rs : p.runSites) {
            Node at = rs.method == p.method ? rs.statement : null;
            if (at != null && (ed.begin(at) < ed.begin(anchor) || !at.isDescendantOf(scope))) {
                throw new Unsupported(rs.run, "a run before (or outside the scope of) the statement creating the last "
                        + "variable");
            }
        }
        for (MethodCallExpr c : p.helperCalls) {
            if (ed.begin(c) < ed.begin(anchor) || !c.isDescendantOf(scope)) {
                throw new Unsupported(c, "the session is passed on before the variables are all created");
            }
        }
        for (RunSite.OptimizerSpec o : optimizersOf()) {
            if (o.at() == null || ed.begin(o.at()) < ed.begin(anchor) || !p.graphStatements.contains(o.at())) {
                throw new Unsupported(o.target().source, "the train op is created before the last variable");
            }
        }
    }

    private List<RunSite.OptimizerSpec> optimizersOf() {
        List<RunSite.OptimizerSpec> out = new ArrayList<>();
        for (RunSite rs : p.runSites) {
            if (rs.optimizer != null && !out.contains(rs.optimizer)) {
                out.add(rs.optimizer);
            }
        }
        return out;
    }

    private void statements(String model) {
        for (Statement s : p.graphStatements) {
            List<String> lines = new ArrayList<>();
            if (s == anchor) {
                List<String> args = new ArrayList<>(mw.constructorArgs());
                lines.add(mw.className + " " + model + " = new " + mw.className + "(" + String.join(", ", args) + ");");
            }
            for (var o : optimizers.entrySet()) {
                if (o.getKey().at() == s) {
                    lines.add(optimizer(o.getKey(), o.getValue(), model));
                }
            }
            if (lines.isEmpty()) {
                ed.removeLines(s);
            } else {
                replaceLines(s, lines);
            }
        }
        for (Statement s : p.sessionStatements) {
            ed.removeLines(s);
        }
    }

    private String optimizer(RunSite.OptimizerSpec o, String name, String model) {
        String type = imports.use(o.type());
        String params;
        if (o.params().size() == p.variables().size() && o.params().containsAll(p.variables())) {
            params = model + ".parameters()";
        } else {
            List<String> ps = new ArrayList<>();
            o.params().forEach(v -> ps.add(model + "." + mw.fieldOf(v)));
            params = imports.use("java.util.List") + ".of(" + String.join(", ", ps) + ")";
        }
        return type + " " + name + " = " + o.construction().replace("{params}", params).replace("new SGD(", "new " + type + "(")
                + ";";
    }

    /** Replaces a statement (and its leading comment) by lines at its indentation. */
    private void replaceLines(Statement s, List<String> lines) {
        int[] r = ed.lineRange(s);
        String indent = ed.indentOf(s);
        StringBuilder sb = new StringBuilder();
        boolean wholeLines = r[0] == ed.lineStart(r[0]);
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i == 0 && !wholeLines ? "" : indent).append(lines.get(i)).append(i < lines.size() - 1 || wholeLines
                    ? "\n" : "");
        }
        ed.replace(r[0], r[1], sb.toString());
    }

    // ---------------------------------------------------------------- helpers taking the session

    private void helpers() {
        for (var h : p.helpers.entrySet()) {
            MethodDeclaration m = h.getKey();
            Parameter prm = m.getParameter(h.getValue());
            String name = fresh(m, "model");
            modelVars.put(m, name);
            ed.replace(prm, mw.className + " " + name);
        }
        for (MethodCallExpr c : p.helperCalls) {
            for (Expression a : c.getArguments()) {
                if (a instanceof NameExpr n && p.sessionNames.contains(n.getNameAsString())) {
                    ed.replace(a, modelVars.get(p.method));
                }
            }
        }
    }

    // ---------------------------------------------------------------- feeds

    private void feedVar(VariableDeclarator v) {
        String text = imports.use("dev.ember.engine.Tensor") + " " + v.getNameAsString() + " = "
                + Feeds.convert(v.getInitializer().orElseThrow(), imports::use) + ";";
        Node scope = scopeOf(v);
        for (NameExpr use : uses(scope, v.getNameAsString(), v)) {
            if (use.getParentNode().orElse(null) instanceof MethodCallExpr mc && mc.getNameAsString().equals("close")
                    && mc.getScope().orElse(null) == use && mc.getParentNode().orElse(null) instanceof ExpressionStmt es) {
                ed.removeLines(es);
            } else if (!isFeedArgument(use)) {
                throw new Unsupported(use, "feed tensor `" + use + "` is used for something else than feeding");
            }
        }
        Node decl = v.getParentNode().orElseThrow();
        if (decl.getParentNode().orElse(null) instanceof TryStmt) {
            resourceLines.put((Expression) decl, List.of(text));
        } else {
            ed.replace(decl.getParentNode().orElseThrow(), text);
        }
    }

    private boolean isFeedArgument(NameExpr use) {
        for (RunSite rs : p.runSites) {
            if (rs.feedValues.contains(use)) {
                return true;
            }
        }
        return false;
    }

    private String feedValue(Expression e) {
        if (e instanceof NameExpr n && p.feedVar(n) != null) {
            return n.getNameAsString();
        }
        if (Feeds.dtypeOf(e) != null) {
            return Feeds.convert(e, imports::use);
        }
        throw new Unsupported(e, "a fed value that is not a feed tensor created here: `" + Interpreter.oneLine(e) + "`");
    }

    // ---------------------------------------------------------------- run sites

    private void runSite(RunSite rs) {
        RunSite.ModuleMethod m = rs.target;
        String model = modelVars.get(rs.method);
        for (int i = 0; i < rs.feeds.size(); i++) {
            checkFeedDtype(rs.feeds.get(i), rs.feedValues.get(i));
        }
        List<String> args = new ArrayList<>();
        for (TfNode in : m.inputs) {
            args.add(feedValue(rs.feedValues.get(rs.feeds.indexOf(in))));
        }
        String call = model + "." + m.name + "(" + String.join(", ", args) + ")";
        String type = m.outputs.size() == 1 ? imports.use("dev.ember.engine.Tensor") : mw.className + "." + m.recordName;
        List<Read> reads = reads(rs);
        String out;
        List<String> lines = new ArrayList<>();
        String opt = rs.training() ? optimizers.get(rs.optimizer) : null;
        if (opt != null) {
            lines.add(opt + ".zeroGrad();");
        }
        boolean merged = !rs.training() && m.outputs.size() == 1 && reads.size() == 1 && reads.get(0).decl != null
                && rs.fetches.size() == 1;
        if (merged) {
            out = call;
        } else if (rs.resultVar == null && reads.isEmpty() && rs.training() && m.outputs.size() == 1) {
            out = null;
            lines.add(call + ".backward();");
        } else {
            String base = m.outputs.size() == 1 ? m.outputs.get(0).label() : rs.resultVar != null
                    ? rs.resultVar.getNameAsString() : "out";
            out = fresh(rs.method, ModuleWriter.javaName(base));
            lines.add(type + " " + out + " = " + call + ";");
        }
        if (opt != null && out != null) {
            int k = m.outputs.indexOf(rs.loss);
            lines.add((m.outputs.size() == 1 ? out : out + "." + mw.component(m, k) + "()") + ".backward();");
        }
        if (opt != null) {
            lines.add(opt + ".step();");
        }
        for (Read r : reads) {
            r.apply(this, rs, out, m);
        }
        place(rs, lines);
    }

    private void checkFeedDtype(TfNode target, Expression value) {
        Expression init = value;
        if (value instanceof NameExpr n && p.feedVar(n) != null) {
            init = p.feedVar(n).getInitializer().orElseThrow();
        }
        String dt = Feeds.dtypeOf(init);
        if (dt != null && target.dtype != null && !dt.equals(target.dtype)) {
            throw new Unsupported(value, "a " + dt + " tensor fed to " + target.dtype + " `" + target.label()
                    + "` (TF refuses it)");
        }
    }

    /** Puts the run site's lines where its Result was made. */
    private void place(RunSite rs, List<String> lines) {
        Statement s = rs.statement;
        if (rs.resourceOf != null) {
            for (Expression r : rs.resourceOf.getResources()) {
                if (rs.run.isDescendantOf(r) || r == rs.run) {
                    List<String> all = new ArrayList<>(lines);
                    all.addAll(resourceLines.getOrDefault(r, List.of()));
                    resourceLines.put(r, all);
                    return;
                }
            }
            throw new IllegalStateException("run site resource not found");
        }
        boolean own = s instanceof ExpressionStmt es && (es.getExpression() == rs.run
                || (rs.resultVar != null && es.getExpression() instanceof VariableDeclarationExpr));
        if (own) {
            if (lines.isEmpty()) {
                ed.removeLines(s);
            } else {
                replaceLines(s, lines);
            }
        } else if (!lines.isEmpty()) {
            String indent = ed.indentOf(s);
            StringBuilder sb = new StringBuilder();
            lines.forEach(l -> sb.append(indent).append(l).append("\n"));
            ed.insert(ed.lineStart(ed.beginWithComment(s)), sb.toString());
        }
    }

    /** One use of a fetched value: {@code r.get(k)} (or {@code run().get(k)}) and what reads it. */
    private static final class Read {
        int index;
        Expression top;
        MethodCallExpr getter;
        MethodCallExpr copy;
        VariableDeclarator decl;

        void apply(ProgramRewriter w, RunSite rs, String out, RunSite.ModuleMethod m) {
            String value = m.outputs.size() == 1 ? out : out + "." + w.mw.component(m, index) + "()";
            TfNode node = rs.fetches.get(index);
            if (getter != null) {
                w.ed.replace(getter, itemRead(value, getter, node));
            } else if (copy != null) {
                w.ed.replace(copy, value + toArray(node, copy));
            } else {
                w.typedVar(decl, value, node);
            }
        }
    }

    private List<Read> reads(RunSite rs) {
        List<MethodCallExpr> gets = new ArrayList<>();
        if (rs.resultVar != null) {
            String r = rs.resultVar.getNameAsString();
            for (NameExpr use : uses(scopeOf(rs.resultVar), r, rs.resultVar)) {
                Node parent = use.getParentNode().orElseThrow();
                if (parent instanceof MethodCallExpr mc && mc.getScope().orElse(null) == use) {
                    if (mc.getNameAsString().equals("get")) {
                        gets.add(mc);
                        continue;
                    }
                    if (mc.getNameAsString().equals("close") && mc.getParentNode().orElse(null) instanceof ExpressionStmt es) {
                        ed.removeLines(es);
                        continue;
                    }
                }
                throw new Unsupported(use, "the Result `" + r + "` is used as `" + Interpreter.oneLine(parent) + "`");
            }
        } else if (rs.run.getParentNode().orElse(null) instanceof MethodCallExpr mc && mc.getScope().orElse(null) == rs.run) {
            if (!mc.getNameAsString().equals("get")) {
                throw new Unsupported(mc, "a Result used as `" + Interpreter.oneLine(mc) + "`");
            }
            gets.add(mc);
        }
        List<Read> reads = new ArrayList<>();
        for (MethodCallExpr g : gets) {
            reads.add(read(rs, g));
        }
        return reads;
    }

    private Read read(RunSite rs, MethodCallExpr get) {
        Read r = new Read();
        if (get.getArguments().size() != 1 || !(get.getArgument(0) instanceof IntegerLiteralExpr i)) {
            throw new Unsupported(get, "a Result read by name or computed index");
        }
        r.index = i.asNumber().intValue();
        if (r.index < 0 || r.index >= rs.fetches.size()) {
            throw new Unsupported(get, "Result.get(" + r.index + ") with " + rs.fetches.size() + " fetches");
        }
        TfNode node = rs.fetches.get(r.index);
        Expression top = get;
        while (top.getParentNode().orElse(null) instanceof CastExpr || top.getParentNode().orElse(null) instanceof EnclosedExpr) {
            top = (Expression) top.getParentNode().get();
            if (top instanceof CastExpr c) {
                checkCast(c.getType().asString(), node, c);
            }
        }
        r.top = top;
        Node parent = top.getParentNode().orElseThrow();
        if (parent instanceof MethodCallExpr mc && mc.getScope().orElse(null) == top && isGetter(mc)) {
            r.getter = mc;
        } else if (parent instanceof MethodCallExpr mc && mc.getNameAsString().equals("array1dCopyOf")
                && mc.getArguments().size() == 1) {
            r.copy = mc;
        } else if (parent instanceof VariableDeclarator vd && vd.getInitializer().orElse(null) == top) {
            checkCast(vd.getType().asString(), node, vd);
            r.decl = vd;
        } else {
            throw new Unsupported(parent, "a fetched value used as `" + Interpreter.oneLine(parent) + "`");
        }
        return r;
    }

    private static void checkCast(String type, TfNode node, Node at) {
        String t = type.substring(type.lastIndexOf('.') + 1).replaceAll("<.*", "");
        String want = node.dtype == null ? null : switch (node.dtype) {
            case "float32" -> "TFloat32";
            case "float64" -> "TFloat64";
            case "int32" -> "TInt32";
            case "int64" -> "TInt64";
            case "bool" -> "TBool";
            default -> null;
        };
        if (t.startsWith("T") && want != null && !t.equals(want) && !t.equals("Tensor") && !t.equals("TType")) {
            throw new Unsupported(at, "`" + node.label() + "` is " + node.dtype + ", read as " + t
                    + " (TF throws ClassCastException)");
        }
    }

    private static boolean isGetter(MethodCallExpr mc) {
        return List.of("getFloat", "getDouble", "getLong", "getInt", "getBoolean").contains(mc.getNameAsString());
    }

    /** {@code t.getFloat(i, j)} -> {@code (float) t.select(0, i).select(0, j).item()}, exact for every dtype. */
    static String itemRead(String tensor, MethodCallExpr getter, TfNode node) {
        StringBuilder sel = new StringBuilder(tensor);
        for (Expression a : getter.getArguments()) {
            sel.append(".select(0, ").append(Src.of(a)).append(")");
        }
        switch (getter.getNameAsString()) {
            case "getFloat": return "(float) " + sel + ".item()";
            case "getDouble": return sel + ".item()";
            case "getInt": return "(int) " + sel + ".item()";
            case "getLong": return sel + ".toLongArray()[0]";
            default: return "(" + sel + ".item() != 0)";
        }
    }

    private static String toArray(TfNode node, Node at) {
        if (node.rank() != 1) {
            throw new Unsupported(at, "a copy of a rank-" + node.rank() + " fetched value into Java arrays");
        }
        switch (node.dtype == null ? "" : node.dtype) {
            case "float32": return ".toFloatArray()";
            case "float64": return ".toDoubleArray()";
            case "int64": return ".toLongArray()";
            default: throw new Unsupported(at, "a copy of a " + node.dtype + " fetched value into a Java array");
        }
    }

    /**
     * A local holding a fetched tensor ({@code TInt64 p = (TInt64) r.get(0)}): a Java array when it is
     * only read element by element along one dimension, a Java number when only read as a scalar, else
     * an engine tensor whose reads become {@code item()}.
     */
    private void typedVar(VariableDeclarator v, String value, TfNode node) {
        String name = v.getNameAsString();
        List<MethodCallExpr> getters = new ArrayList<>();
        for (NameExpr use : uses(scopeOf(v), name, v)) {
            Node parent = use.getParentNode().orElseThrow();
            if (parent instanceof MethodCallExpr mc && mc.getScope().orElse(null) == use) {
                if (isGetter(mc)) {
                    getters.add(mc);
                    continue;
                }
                if (mc.getNameAsString().equals("close") && mc.getParentNode().orElse(null) instanceof ExpressionStmt es) {
                    ed.removeLines(es);
                    continue;
                }
            }
            throw new Unsupported(use, "fetched tensor `" + name + "` is used as `" + Interpreter.oneLine(parent) + "`");
        }
        String getter = getters.isEmpty() ? null : getters.get(0).getNameAsString();
        boolean same = getters.stream().allMatch(g -> g.getNameAsString().equals(getter));
        String prim = getter == null ? null : switch (getter) {
            case "getFloat" -> "float32".equals(node.dtype) ? "float" : null;
            case "getDouble" -> "float64".equals(node.dtype) ? "double" : null;
            case "getLong" -> "int64".equals(node.dtype) ? "long" : null;
            default -> null;
        };
        String decl;
        if (same && prim != null && getters.stream().allMatch(g -> g.getArguments().size() == 1) && node.rank() == 1) {
            String conv = prim.equals("float") ? ".toFloatArray()" : prim.equals("double") ? ".toDoubleArray()"
                    : ".toLongArray()";
            decl = prim + "[] " + name + " = " + value + conv + ";";
            for (MethodCallExpr g : getters) {
                ed.replace(g, name + "[" + Src.of(g.getArgument(0)) + "]");
            }
        } else if (same && prim != null && getters.stream().allMatch(g -> g.getArguments().isEmpty())) {
            decl = prim + " " + name + " = " + itemRead(value, getters.get(0), node) + ";";
            for (MethodCallExpr g : getters) {
                ed.replace(g, name);
            }
        } else {
            decl = imports.use("dev.ember.engine.Tensor") + " " + name + " = " + value + ";";
            for (MethodCallExpr g : getters) {
                ed.replace(g, itemRead(name, g, node));
            }
        }
        Node d = v.getParentNode().orElseThrow();
        if (d.getParentNode().orElse(null) instanceof TryStmt) {
            List<String> all = new ArrayList<>(resourceLines.getOrDefault((Expression) d, List.of()));
            all.add(decl);
            resourceLines.put((Expression) d, all);
        } else {
            ed.replace(d.getParentNode().orElseThrow(), decl);
        }
    }

    // ---------------------------------------------------------------- save

    private void save(MethodCallExpr save, String model) {
        MethodDeclaration m = save.findAncestor(MethodDeclaration.class).orElseThrow();
        boolean throwsIo = m.getThrownExceptions().stream().map(ReferenceType::asString)
                .anyMatch(t -> t.equals("Exception") || t.equals("IOException") || t.equals("java.io.IOException")
                        || t.equals("Throwable"));
        if (!throwsIo) {
            throw new Unsupported(save, "session.save in a method that does not declare IOException "
                    + "(StateDicts.save throws it)");
        }
        String path = imports.use("java.nio.file.Path");
        ed.replace(save, imports.use("dev.ember.engine.io.StateDicts") + ".save(" + modelVars.get(m) + ".stateDict(), "
                + path + ".of(" + Src.of(save.getArgument(0)) + " + \".safetensors\"))");
        infos.add("session.save now writes the model's state_dict as <prefix>.safetensors; checkpoints TF already "
                + "wrote are imported with `ember import-checkpoint PREFIX --preset tf-java --out F.safetensors`"
                + (mw.parameterFields().keySet().stream().anyMatch(v -> mw.storageOf(v) == Layout.OIHW)
                        ? " and a rules file mapping each conv kernel with the conv2d transform ("
                        + String.join(", ", mw.parameterFields().keySet().stream().filter(v -> mw.storageOf(v) == Layout.OIHW)
                                .map(v -> v.tfName + " -> " + v.tfName.replace('/', '.') + " conv2d").toList()) + ")"
                        : ""));
    }

    // ---------------------------------------------------------------- try-with-resources

    private void tryStmt(TryStmt t) {
        List<String> head = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression r : t.getResources()) {
            if (p.droppedResources.contains(r)) {
                continue;
            }
            List<String> lines = resourceLines.get(r);
            if (lines != null) {
                head.addAll(lines);
            } else {
                kept.add(r);
            }
        }
        String indent = ed.indentOf(t);
        BlockStmt b = t.getTryBlock();
        String inner = ed.render(ed.begin(b) + 1, ed.end(b) - 1);
        String bodyIndent = b.getStatements().isEmpty() ? indent + unit : ed.indentOf(b.getStatement(0));
        List<String> body = new ArrayList<>(List.of(inner.split("\n", -1)));
        if (!body.isEmpty() && body.get(0).isBlank()) {
            body.remove(0);
        }
        if (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        boolean unwrap = kept.isEmpty() && t.getCatchClauses().isEmpty() && t.getFinallyBlock().isEmpty();
        if (unwrap && !conflicts(t, head)) {
            List<String> out = new ArrayList<>();
            head.forEach(h -> out.add(indent + h));
            for (String l : body) {
                out.add(l.isBlank() ? "" : l.startsWith(bodyIndent) ? indent + l.substring(bodyIndent.length()) : l);
            }
            if (out.isEmpty()) {
                ed.removeLines(t);
                return;
            }
            ed.replace(ed.lineStart(ed.begin(t)), ed.end(t), String.join("\n", out).stripTrailing());
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (unwrap) {
            sb.append("{");
        } else {
            sb.append("try");
            if (!kept.isEmpty()) {
                List<String> ks = new ArrayList<>();
                kept.forEach(k -> ks.add(ed.render(k)));
                sb.append(" (").append(String.join("; ", ks)).append(")");
            }
            sb.append(" {");
        }
        sb.append("\n");
        head.forEach(h -> sb.append(bodyIndent).append(h).append("\n"));
        body.forEach(l -> sb.append(l).append("\n"));
        sb.append(indent).append("}");
        int end = ed.end(b);
        ed.replace(ed.begin(t), end, sb.toString());
    }

    /** True when unwrapping the try would declare a name the enclosing method already uses. */
    private boolean conflicts(TryStmt t, List<String> head) {
        Set<String> inner = new HashSet<>();
        for (String h : head) {
            String[] parts = h.split("\\s+");
            if (parts.length > 2 && parts[2].equals("=")) {
                inner.add(parts[1]);
            }
        }
        for (Statement s : t.getTryBlock().getStatements()) {
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr d) {
                d.getVariables().forEach(v -> inner.add(v.getNameAsString()));
            }
        }
        MethodDeclaration m = t.findAncestor(MethodDeclaration.class).orElseThrow();
        for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
            if (!v.isDescendantOf(t) && inner.contains(v.getNameAsString()) && !isRemoved(v)) {
                return true;
            }
        }
        for (Parameter prm : m.getParameters()) {
            if (inner.contains(prm.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    private boolean isRemoved(Node n) {
        for (Statement s : p.graphStatements) {
            if (n.isDescendantOf(s)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- names and scopes

    private String fresh(MethodDeclaration m, String base) {
        Set<String> taken = names.computeIfAbsent(m, k -> {
            Set<String> s = new HashSet<>();
            k.getParameters().forEach(prm -> s.add(prm.getNameAsString()));
            for (VariableDeclarator v : k.findAll(VariableDeclarator.class)) {
                if (!isRemoved(v) && p.runSites.stream().noneMatch(r -> r.resultVar == v)) {
                    s.add(v.getNameAsString());
                }
            }
            Set<String> results = new HashSet<>();
            p.runSites.stream().filter(r -> r.resultVar != null).forEach(r -> results.add(r.resultVar.getNameAsString()));
            for (NameExpr n : k.findAll(NameExpr.class)) {
                if (!isRemoved(n) && !results.contains(n.getNameAsString())
                        && p.runSites.stream().noneMatch(r -> n.isDescendantOf(r.run))) {
                    s.add(n.getNameAsString());
                }
            }
            return s;
        });
        String name = base;
        for (int i = 2; taken.contains(name) || javax.lang.model.SourceVersion.isKeyword(name); i++) {
            name = base + i;
        }
        taken.add(name);
        return name;
    }

    private static Node scopeOf(VariableDeclarator v) {
        Node d = v.getParentNode().orElseThrow();
        Node parent = d.getParentNode().orElseThrow();
        if (parent instanceof TryStmt t) {
            return t;
        }
        return parent.getParentNode().orElseThrow();
    }

    private static List<NameExpr> uses(Node scope, String name, VariableDeclarator decl) {
        List<NameExpr> out = new ArrayList<>();
        for (NameExpr n : scope.findAll(NameExpr.class)) {
            if (n.getNameAsString().equals(name) && !n.isDescendantOf(decl)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String indentUnit(SourceEdits ed) {
        for (String line : ed.text.split("\n")) {
            if (line.startsWith("\t")) {
                return "\t";
            }
        }
        int best = 4;
        for (String line : ed.text.split("\n")) {
            int n = 0;
            while (n < line.length() && line.charAt(n) == ' ') {
                n++;
            }
            if (n > 0 && n < line.length() && line.charAt(n) != '*') {
                best = Math.min(best, n);
            }
        }
        return " ".repeat(best);
    }
}
