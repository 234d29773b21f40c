package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans and writes the generated {@code Module} of a graph program: one parameter per
 * {@code tf.variable} (state_dict key = the TF name with '/' -> '.', conv kernels held OIHW), a
 * constructor evaluating the initial values in the program's order, a {@code forward} for the value
 * the run sites share, and one method per distinct run site (its fetches from its feeds).
 */
final class ModuleWriter implements MethodEmitter.Context {
    private static final Set<String> MODULE_METHODS = Set.of("forward", "parameters", "namedParameters", "buffers",
            "namedBuffers", "children", "namedChildren", "modules", "namedModules", "apply", "train", "eval",
            "isTraining", "zeroGrad", "requiresGrad_", "to", "stateDict", "loadStateDict", "toString", "hashCode",
            "equals", "getClass", "setModule", "registerParameter", "registerBuffer", "registerModule", "name");

    final GraphProgram p;
    final String className;
    private final Imports imports;
    private final SourceEdits ed;
    private final Map<TfNode, String> fields = new LinkedHashMap<>();
    private final Map<TfNode, Layout> storage = new HashMap<>();
    private final Map<TfNode, String> constFields = new LinkedHashMap<>();
    private final Map<String, String> holders = new LinkedHashMap<>();
    private final Set<String> memberNames = new HashSet<>();
    private final LinkedHashMap<String, String> ctorParams = new LinkedHashMap<>();
    final List<RunSite.ModuleMethod> methods = new ArrayList<>();
    private final Map<RunSite.ModuleMethod, List<String>> bodies = new LinkedHashMap<>();
    private TfNode shared;
    private TfNode sharedInput;
    private final Map<Statement, String> comments = new HashMap<>();

    ModuleWriter(GraphProgram p, String className, Imports imports, SourceEdits ed) {
        this.p = p;
        this.className = className;
        this.imports = imports;
        this.ed = ed;
        for (Statement s : p.graphStatements) {
            s.getComment().ifPresent(c -> comments.put(s, ed.commentText(c).strip()));
        }
    }

    // ---------------------------------------------------------------- planning

    void plan() {
        for (TfNode v : p.variables()) {
            String name = v.tfName;
            if (name.contains(".") || name.chars().filter(c -> c == '/').count() > 1) {
                throw new Unsupported(v.source, "variable name \"" + name + "\" (nested scopes or dots) has no "
                        + "state_dict key yet", "name the variable with at most one scope, or keep tfcompat");
            }
            String field = member(v.javaName != null ? v.javaName : javaName(name));
            fields.put(v, field);
            storage.put(v, convKernelOnly(v) ? Layout.OIHW : Layout.PLAIN);
            if (name.contains("/")) {
                String scope = name.substring(0, name.indexOf('/'));
                holders.computeIfAbsent(scope, s -> holderName(javaName(s)));
            }
        }
        for (RunSite rs : p.runSites) {
            rs.target = methodFor(rs);
        }
        planForward();
    }

    private boolean convKernelOnly(TfNode v) {
        boolean conv = false;
        for (TfNode n : p.interpreter.nodes) {
            for (int i = 0; i < n.inputs.size(); i++) {
                if (n.inputs.get(i) != v) {
                    continue;
                }
                if (n.op.equals("conv2d") && i == 1) {
                    conv = true;
                } else if (!n.op.equals("gradients") && !n.op.equals("applyGradientDescent")) {
                    return false;
                }
            }
        }
        return conv;
    }

    private RunSite.ModuleMethod methodFor(RunSite rs) {
        List<TfNode> outputs = rs.outputs();
        if (outputs.isEmpty()) {
            throw new Unsupported(rs.run, "a run that neither fetches nor trains (its targets are not converted)");
        }
        Set<TfNode> needed = closure(outputs, rs.feeds);
        List<TfNode> inputs = new ArrayList<>();
        for (TfNode f : rs.feeds) {
            if (needed.contains(f) && !inputs.contains(f)) {
                inputs.add(f);
            }
        }
        for (RunSite.ModuleMethod m : methods) {
            if (m.same(inputs, outputs)) {
                return m;
            }
        }
        List<String> outNames = new ArrayList<>();
        for (TfNode o : outputs) {
            outNames.add(o.javaName != null ? o.javaName : javaName(o.tfName != null ? o.tfName : o.op));
        }
        String name = outNames.size() == 1 ? outNames.get(0)
                : outNames.size() <= 3 ? String.join("And", capitalizeTail(outNames)) : "run" + (methods.size() + 1);
        name = member(name);
        List<String> params = new ArrayList<>();
        for (TfNode in : inputs) {
            params.add(in.javaName != null ? in.javaName : javaName(in.tfName));
        }
        RunSite.ModuleMethod m = new RunSite.ModuleMethod(name, inputs, outputs, params);
        if (outputs.size() > 1) {
            m.recordName = member(Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        methods.add(m);
        return m;
    }

    /** Nodes the outputs depend on, stopping at the fed values. */
    private static Set<TfNode> closure(List<TfNode> outputs, List<TfNode> feeds) {
        Set<TfNode> seen = new LinkedHashSet<>();
        List<TfNode> stack = new ArrayList<>(outputs);
        while (!stack.isEmpty()) {
            TfNode n = stack.remove(stack.size() - 1);
            if (seen.add(n) && !feeds.contains(n)) {
                stack.addAll(n.inputs);
            }
        }
        return seen;
    }

    /**
     * The value several methods compute from one input (e.g. the logits a loss and a prediction share)
     * becomes {@code forward(input)}; a method that only computes it is replaced by {@code forward}.
     */
    private void planForward() {
        Map<TfNode, Integer> count = new HashMap<>();
        Map<RunSite.ModuleMethod, Set<TfNode>> slices = new LinkedHashMap<>();
        for (RunSite.ModuleMethod m : methods) {
            Set<TfNode> s = closure(m.outputs, m.inputs);
            slices.put(m, s);
            for (TfNode n : s) {
                count.merge(n, 1, Integer::sum);
            }
        }
        TfNode best = null;
        for (TfNode n : count.keySet()) {
            if (count.get(n) < 2 || !computed(n) || !"float32".equals(n.dtype) || singleInput(n) == null) {
                continue;
            }
            if (best == null || n.id > best.id) {
                best = n;
            }
        }
        if (best != null) {
            TfNode chosen = best;
            TfNode input = singleInput(chosen);
            shared = chosen;
            sharedInput = input;
            methods.removeIf(m -> m.outputs.equals(List.of(chosen)) && m.inputs.equals(List.of(input)));
            for (RunSite rs : p.runSites) {
                if (rs.target.outputs.equals(List.of(chosen)) && rs.target.inputs.equals(List.of(input))) {
                    rs.target = forwardMethod();
                }
            }
            return;
        }
        for (RunSite.ModuleMethod m : methods) {
            if (m.inputs.size() == 1 && m.outputs.size() == 1 && "float32".equals(m.outputs.get(0).dtype)
                    && p.runSites.stream().noneMatch(r -> r.target == m && r.training())) {
                shared = m.outputs.get(0);
                sharedInput = m.inputs.get(0);
                methods.remove(m);
                for (RunSite rs : p.runSites) {
                    if (rs.target == m) {
                        rs.target = forwardMethod();
                    }
                }
                return;
            }
        }
    }

    private RunSite.ModuleMethod forward;

    private RunSite.ModuleMethod forwardMethod() {
        if (forward == null) {
            forward = new RunSite.ModuleMethod("forward", List.of(sharedInput), List.of(shared),
                    List.of(sharedInput.javaName != null ? sharedInput.javaName : javaName(sharedInput.tfName)));
        }
        return forward;
    }

    private static boolean computed(TfNode n) {
        return !n.op.equals("const") && !n.op.equals("variable") && !n.op.equals("placeholder");
    }

    private static TfNode singleInput(TfNode n) {
        Set<TfNode> in = new LinkedHashSet<>();
        for (TfNode x : closure(List.of(n), List.of())) {
            if (x.op.equals("placeholder")) {
                in.add(x);
            }
        }
        return in.size() == 1 ? in.iterator().next() : null;
    }

    // ---------------------------------------------------------------- writing

    /** The class text, indented for a member of the program's class. */
    String write(String indent, String unit) {
        for (RunSite.ModuleMethod m : methods) {
            bodies.put(m, body(m));
        }
        List<String> forwardBody = shared != null ? body(forwardMethod()) : null;
        List<String> ctor = constructor();
        String t = imports.use("dev.ember.engine.Tensor");
        List<String> out = new ArrayList<>();
        String i1 = indent + unit;
        String i2 = i1 + unit;
        out.add("");
        out.add(indent + "/**");
        out.add(indent + " * The variables and computations of the TF graph built in {@code " + p.method.getNameAsString()
                + "}, migrated by ember migrate:");
        out.add(indent + " * one parameter per tf.variable (state_dict keys: TF names with '/' -> '.').");
        out.add(indent + " */");
        out.add(indent + "static final class " + className + " extends " + imports.use("dev.ember.engine.nn.Module") + " {");
        for (var h : holders.entrySet()) {
            String pd = imports.use("dev.ember.engine.nn.ParameterDict");
            out.add(i1 + "final " + pd + " " + h.getValue() + " = registerModule(\"" + h.getKey() + "\", new " + pd + "());");
        }
        for (var f : fields.entrySet()) {
            out.add(i1 + "final " + t + " " + f.getValue() + ";"
                    + (storage.get(f.getKey()) == Layout.OIHW ? "   // " + f.getKey().tfName + ", OIHW (TF: HWIO)" : ""));
        }
        for (var c : constFields.entrySet()) {
            out.add(i1 + "final " + t + " " + c.getValue() + ";");
        }
        out.add("");
        List<String> params = new ArrayList<>();
        ctorParams.forEach((n, type) -> params.add(type + " " + n));
        out.add(i1 + className + "(" + String.join(", ", params) + ") {");
        ctor.forEach(l -> out.add(l.isEmpty() ? "" : i2 + l));
        out.add(i1 + "}");
        out.add("");
        if (forwardBody != null) {
            out.add(i1 + "/** The graph's {@code " + shared.label() + "}, computed from {@code " + sharedInput.label()
                    + "} as fed to TF. */");
            out.add(i1 + "@Override");
            out.add(i1 + "public " + t + " forward(" + t + " " + forwardMethod().paramNames.get(0) + ") {");
            forwardBody.forEach(l -> out.add(i2 + l));
            out.add(i1 + "}");
        } else {
            out.add(i1 + "/** The graph has no single input and output to call forward; use the methods below. */");
            out.add(i1 + "@Override");
            out.add(i1 + "public " + t + " forward(" + t + " input) {");
            out.add(i2 + "throw new UnsupportedOperationException(\"" + className + " has no forward(input); call "
                    + String.join(", ", methods.stream().map(m -> m.name + "(...)").toList()) + "\");");
            out.add(i1 + "}");
        }
        for (RunSite.ModuleMethod m : methods) {
            out.add("");
            String ret = m.outputs.size() == 1 ? t : m.recordName;
            List<String> ps = new ArrayList<>();
            m.paramNames.forEach(n -> ps.add(t + " " + n));
            out.add(i1 + "/** " + describe(m) + " */");
            out.add(i1 + ret + " " + m.name + "(" + String.join(", ", ps) + ") {");
            bodies.get(m).forEach(l -> out.add(i2 + l));
            out.add(i1 + "}");
        }
        for (RunSite.ModuleMethod m : methods) {
            if (m.recordName != null) {
                List<String> comps = new ArrayList<>();
                for (int k = 0; k < m.outputs.size(); k++) {
                    comps.add(t + " " + component(m, k));
                }
                out.add("");
                out.add(i1 + "/** What {@link #" + m.name + "} returns. */");
                out.add(i1 + "record " + m.recordName + "(" + String.join(", ", comps) + ") {");
                out.add(i1 + "}");
            }
        }
        out.add(indent + "}");
        return String.join("\n", out) + "\n";
    }

    private String describe(RunSite.ModuleMethod m) {
        List<String> outs = new ArrayList<>();
        m.outputs.forEach(o -> outs.add("{@code " + o.label() + "}"));
        List<String> ins = new ArrayList<>();
        m.inputs.forEach(i -> ins.add("{@code " + i.label() + "}"));
        return "The graph's " + String.join(", ", outs) + (ins.isEmpty() ? "." : ", computed from "
                + String.join(", ", ins) + " as fed to TF.");
    }

    /** The record component of output {@code k} of a multi-output method. */
    String component(RunSite.ModuleMethod m, int k) {
        TfNode o = m.outputs.get(k);
        return o.javaName != null ? o.javaName : javaName(o.tfName != null ? o.tfName : o.op + k);
    }

    private List<String> body(RunSite.ModuleMethod m) {
        Set<String> reserved = new HashSet<>(memberNames);
        reserved.addAll(m.paramNames);
        MethodEmitter em = new MethodEmitter(this, false, reserved);
        for (int k = 0; k < m.inputs.size(); k++) {
            em.param(m.inputs.get(k), m.paramNames.get(k));
        }
        List<String> lines = new ArrayList<>();
        boolean isForward = m == forward;
        if (!isForward && shared != null && closure(m.outputs, m.inputs).contains(shared) && m.inputs.contains(sharedInput)) {
            String local = em.fresh(shared.javaName != null ? shared.javaName : "out");
            lines.add(imports.use("dev.ember.engine.Tensor") + " " + local + " = forward("
                    + m.paramNames.get(m.inputs.indexOf(sharedInput)) + ");");
            em.bind(shared, Code.plain(local));
        }
        em.emit(m.outputs);
        List<String> outs = new ArrayList<>();
        for (TfNode o : m.outputs) {
            String e = em.output(o);
            outs.add(o.op.equals("variable") ? e + ".detach().clone()" : e);
        }
        lines.addAll(em.drain());
        lines.add(m.outputs.size() == 1 ? "return " + outs.get(0) + ";"
                : "return new " + m.recordName + "(" + String.join(", ", outs) + ");");
        return MethodEmitter.hoistBoundaryPermutes(lines, m.paramNames);
    }

    private List<String> constructor() {
        List<String> lines = new ArrayList<>();
        Set<String> reserved = new HashSet<>(memberNames);
        reserved.addAll(holders.values());
        MethodEmitter em = new MethodEmitter(this, true, reserved);
        List<TfNode> work = new ArrayList<>(fields.keySet());
        work.addAll(constFields.keySet());
        for (TfNode n : p.interpreter.nodes) {
            if (n.op.equals("const") && !work.contains(n) && !initialises(n) && sideEffects((Expression) n.attr("expr"))) {
                work.add(n);
            }
        }
        work.sort((a, b) -> Integer.compare(a.id, b.id));
        for (TfNode n : work) {
            if (n.op.equals("variable")) {
                TfNode init = n.input(0);
                boolean fresh = init.op.equals("const") && usedOnlyBy(init, n);
                em.emit(List.of(init));
                String value = em.output(init) + (fresh ? "" : ".clone()");
                if (storage.get(n) == Layout.OIHW) {
                    value = imports.use("dev.ember.tfcompat.checkpoint.Layouts") + ".hwioToOihw(" + value + ")";
                }
                String name = n.tfName;
                String reg = name.contains("/") ? holders.get(name.substring(0, name.indexOf('/'))) + ".put(\""
                        + name.substring(name.indexOf('/') + 1) + "\", " + value + ")"
                        : "registerParameter(\"" + name + "\", " + value + ")";
                lines.addAll(em.drain());
                lines.add(fields.get(n) + " = " + reg + ";");
            } else if (constFields.containsKey(n)) {
                em.emit(List.of(n));
                String value = em.output(n);
                lines.addAll(em.drain());
                lines.add(constFields.get(n) + " = " + value + ";");
            } else {
                Expression e = (Expression) n.attr("expr");
                freeVariables(e);
                lines.add("// the graph's unused constant " + n.label() + ", evaluated for its side effects (e.g. "
                        + "random draws):");
                lines.add(e + ";");
            }
        }
        return lines;
    }

    /** True when {@code c} is (part of) a variable's initial value. */
    private boolean initialises(TfNode c) {
        for (TfNode v : fields.keySet()) {
            if (closure(List.of(v.input(0)), List.of()).contains(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean usedOnlyBy(TfNode init, TfNode var) {
        for (TfNode n : p.interpreter.nodes) {
            if (n != var && n.inputs.contains(init)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sideEffects(Expression e) {
        return e != null && (!e.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class).isEmpty()
                || !e.findAll(com.github.javaparser.ast.expr.ObjectCreationExpr.class).isEmpty());
    }

    // ---------------------------------------------------------------- MethodEmitter.Context

    @Override
    public Code field(TfNode n) {
        String f = fields.get(n);
        if (f != null) {
            return new Code(f, storage.get(n));
        }
        String c = constFields.get(n);
        return c == null ? null : Code.plain(c);
    }

    @Override
    public Code constField(TfNode n) {
        return Code.plain(constFields.computeIfAbsent(n, k -> member(k.javaName != null ? k.javaName : "constant")));
    }

    @Override
    public boolean usesLocals(Expression e) {
        for (NameExpr n : e.findAll(NameExpr.class)) {
            if (isLocal(n)) {
                return true;
            }
        }
        return e instanceof NameExpr n && isLocal(n);
    }

    @Override
    public boolean freeVariables(Expression e) {
        List<NameExpr> names = new ArrayList<>(e.findAll(NameExpr.class));
        if (e instanceof NameExpr n && !names.contains(n)) {
            names.add(n);
        }
        for (NameExpr n : names) {
            if (!isLocal(n)) {
                continue;
            }
            String name = n.getNameAsString();
            if (p.interpreter.reassigned.contains(name)) {
                return false;
            }
            for (Statement s : p.javaBetweenVariables) {
                for (NameExpr use : s.findAll(NameExpr.class)) {
                    if (use.getNameAsString().equals(name)) {
                        throw new Unsupported(s, "`" + name + "` is used between the variable initialisers; the "
                                + "module evaluates them together, which would change the order");
                    }
                }
            }
            ctorParams.putIfAbsent(name, declaredType(name));
        }
        return true;
    }

    private boolean isLocal(NameExpr n) {
        Val v = p.interpreter.env.get(n.getNameAsString());
        if (v == null) {
            return false;
        }
        try {
            var d = n.resolve();
            return !d.isField() && !d.isType();
        } catch (RuntimeException | StackOverflowError ex) {
            return true;
        }
    }

    private String declaredType(String name) {
        for (Parameter prm : p.method.getParameters()) {
            if (prm.getNameAsString().equals(name)) {
                return prm.getType().asString();
            }
        }
        for (VariableDeclarator v : p.method.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)) {
                if (v.getType().isVarType()) {
                    try {
                        return v.getInitializer().orElseThrow().calculateResolvedType().describe();
                    } catch (RuntimeException | StackOverflowError e) {
                        throw new Unsupported(v, "the type of `var " + name + "` could not be resolved");
                    }
                }
                return v.getType().asString();
            }
        }
        throw new Unsupported(p.method, "no declaration of `" + name + "`");
    }

    @Override
    public String type(String qualifiedName) {
        return imports.use(qualifiedName);
    }

    @Override
    public String comment(Statement s) {
        return comments.get(s);
    }

    // ---------------------------------------------------------------- names

    /** A field only the constructor uses (locals of the methods may shadow it). */
    private String holderName(String base) {
        String name = base;
        for (int i = 2; memberNames.contains(name) || holders.containsValue(name) || MODULE_METHODS.contains(name)
                || javax.lang.model.SourceVersion.isKeyword(name); i++) {
            name = base + i;
        }
        return name;
    }

    /** A member name not taken yet in the class. */
    private String member(String base) {
        String b = base.isEmpty() ? "value" : base;
        String name = b;
        for (int i = 2; memberNames.contains(name) || MODULE_METHODS.contains(name)
                || javax.lang.model.SourceVersion.isKeyword(name); i++) {
            name = b + i;
        }
        memberNames.add(name);
        return name;
    }

    static String javaName(String tfName) {
        String[] parts = tfName.split("[^A-Za-z0-9]+");
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? Character.toLowerCase(part.charAt(0)) : Character.toUpperCase(part.charAt(0)))
                    .append(part.substring(1));
        }
        String s = sb.toString();
        return s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) ? "v" + s : s;
    }

    private static List<String> capitalizeTail(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            out.add(i == 0 ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1));
        }
        return out;
    }

    String fieldOf(TfNode variable) {
        return fields.get(variable);
    }

    Set<String> constructorArgs() {
        return ctorParams.keySet();
    }

    Map<TfNode, String> parameterFields() {
        return fields;
    }

    Layout storageOf(TfNode variable) {
        return storage.get(variable);
    }
}
