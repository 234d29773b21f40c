package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --emit-parity-tests}: for the converted graph programs of one source file, the original
 * source kept as {@code <Class>Original} (compiled against TF-Java) with one added method per program
 * that builds its graph, and a JUnit 5 test {@code <Class>ParityTest} that runs each converted run site
 * on the real TF runtime (through that method) and on the engine (the generated module) with the same
 * seeded feeds, through {@code dev.ember.parity.Parity}: forward outputs, and for training run sites the
 * loss and its gradients with respect to every variable (TF: {@code Graph.addGradients} on the original
 * graph, without running its update ops, whose ref-variable reads may race with the backward pass; the
 * engine: {@code backward()}), which is what one optimizer step applies.
 *
 * <p>Both sides re-create the program's Java context the variable initialisers use (e.g.
 * {@code Random rnd = new Random(7)}) so they draw the same initial weights. A program whose graph
 * depends on something that cannot be re-created (a method parameter, a value computed at run time)
 * gets no test, and the report says why.
 */
final class ParityTests {
    /** Marks a file the migrator must copy unchanged (the kept original of a parity test). */
    static final String KEEP_MARKER = dev.ember.migrate.rules.RuleContext.KEEP_MARKER;

    private final CompilationUnit cu;
    private final String original;
    private final String owner;
    private final String pkg;
    private final List<String> graphMethods = new ArrayList<>();
    private final List<String> tests = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    ParityTests(CompilationUnit cu, String original, String owner) {
        this.cu = cu;
        this.original = original;
        this.owner = owner;
        this.pkg = cu.getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
    }

    String owner() {
        return owner;
    }

    /** Why programs got no test (for INFO findings). */
    List<String> skipped() {
        return skipped;
    }

    boolean isEmpty() {
        return tests.isEmpty();
    }

    /** Plans the tests of one converted program (call after {@link ProgramRewriter#rewrite()}). */
    void add(GraphProgram p, ModuleWriter mw) {
        if (!p.owner.getNameAsString().equals(owner)) {
            skipped.add("no parity test for " + p.name() + ": only the programs of " + owner + " get tests in this file");
            return;
        }
        try {
            addProgram(p, mw);
        } catch (Unsupported u) {
            skipped.add("no parity test for " + p.name() + ": " + u.getMessage());
        }
    }

    private void addProgram(GraphProgram p, ModuleWriter mw) {
        SourceEdits ed = new SourceEdits(original);
        String graphVar = graphVariable(p);
        List<Statement> graph = new ArrayList<>(p.graphStatements);
        graph.sort((a, b) -> Integer.compare(ed.begin(a), ed.begin(b)));
        Set<String> available = new LinkedHashSet<>(List.of(graphVar));
        List<Statement> context = new ArrayList<>();
        for (Statement s : graph) {
            context(p, s, graph, available, context, new LinkedHashSet<>());
        }
        List<Statement> ctorContext = new ArrayList<>();
        Set<String> ctorAvailable = new LinkedHashSet<>();
        for (String arg : mw.constructorArgs()) {
            Statement decl = declaration(p, arg);
            context(p, decl, List.of(), ctorAvailable, ctorContext, new LinkedHashSet<>());
            if (!ctorContext.contains(decl)) {
                ctorContext.add(decl);
            }
        }
        String method = "emberParityGraph" + Character.toUpperCase(p.method.getNameAsString().charAt(0))
                + p.method.getNameAsString().substring(1) + (graphMethods.isEmpty() ? "" : graphMethods.size() + 1);

        // the nodes the tests feed, fetch and run, by parity name
        Map<TfNode, String> names = new LinkedHashMap<>();
        Map<TfNode, String> refs = new LinkedHashMap<>();
        List<String> caseTexts = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (RunSite rs : p.runSites) {
            RunSite.ModuleMethod m = rs.target;
            String key = m.name + (rs.training() ? "#train" : "");
            if (m == null || !done.add(key)) {
                continue;
            }
            for (TfNode in : m.inputs) {
                ref(in, names, refs, graph, false);
            }
            for (TfNode out : m.outputs) {
                ref(out, names, refs, graph, false);
            }
            if (rs.training()) {
                ref(rs.loss, names, refs, graph, false);
                for (TfNode v : p.variables()) {
                    ref(v, names, refs, graph, false);
                }
            }
            caseTexts.add(testMethod(p, mw, rs, m, method, names, ctorContext, ed));
        }
        if (caseTexts.isEmpty()) {
            return;
        }

        List<String> g = new ArrayList<>();
        g.add("");
        g.add("    /** The TF graph {@code " + p.method.getNameAsString() + "} builds, for " + owner
                + "ParityTest (generated by ember migrate --emit-parity-tests). */");
        g.add("    static java.util.Map<String, org.tensorflow.op.Op> " + method + "(org.tensorflow.Graph " + graphVar + ") {");
        for (Statement s : context) {
            g.add(reindent(ed, s, "        "));
        }
        for (Statement s : graph) {
            g.add(reindent(ed, s, "        "));
        }
        g.add("        java.util.Map<String, org.tensorflow.op.Op> nodes = new java.util.LinkedHashMap<>();");
        refs.forEach((n, r) -> g.add("        nodes.put(\"" + names.get(n) + "\", " + r.replace("{graph}", graphVar) + ");"));
        g.add("        return nodes;");
        g.add("    }");
        graphMethods.add(String.join("\n", g));
        tests.addAll(caseTexts);
    }

    private static String graphVariable(GraphProgram p) {
        for (VariableDeclarator v : p.method.findAll(VariableDeclarator.class)) {
            if (v.getInitializer().filter(i -> i instanceof ObjectCreationExpr o
                    && o.getType().getNameAsString().equals("Graph")).isPresent()) {
                return v.getNameAsString();
            }
        }
        throw new Unsupported(p.method, "the Graph is not created in " + p.name());
    }

    /** Adds (before {@code s}) the declarations of the locals {@code s} reads that the graph statements do not declare. */
    private void context(GraphProgram p, Statement s, List<Statement> graph, Set<String> available,
            List<Statement> out, Set<String> visiting) {
        Set<String> declared = new LinkedHashSet<>();
        s.findAll(VariableDeclarator.class).forEach(v -> declared.add(v.getNameAsString()));
        s.findAll(Parameter.class).forEach(v -> declared.add(v.getNameAsString()));
        for (NameExpr n : s.findAll(NameExpr.class)) {
            String name = n.getNameAsString();
            if (available.contains(name) || declared.contains(name) || !declaredInMethod(p, name)
                    || declaredBy(graph, name)) {
                continue;
            }
            if (!visiting.add(name)) {
                throw new Unsupported(n, "`" + name + "` is defined in terms of itself");
            }
            Statement decl = declaration(p, name);
            context(p, decl, graph, available, out, visiting);
            if (!out.contains(decl)) {
                out.add(decl);
            }
            available.add(name);
        }
    }

    private static boolean declaredBy(List<Statement> graph, String name) {
        for (Statement g : graph) {
            for (VariableDeclarator v : g.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declaredInMethod(GraphProgram p, String name) {
        if (p.method.getParameters().stream().anyMatch(x -> x.getNameAsString().equals(name))) {
            return true;
        }
        return p.method.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name));
    }

    /** The statement declaring local {@code name} with an initialiser, when the tests can re-run it. */
    private static Statement declaration(GraphProgram p, String name) {
        if (p.method.getParameters().stream().anyMatch(x -> x.getNameAsString().equals(name))) {
            throw new Unsupported(p.method, "the graph uses `" + name + "`, a parameter of " + p.name()
                    + " the test cannot know");
        }
        if (p.interpreter.reassigned.contains(name)) {
            throw new Unsupported(p.method, "the graph uses `" + name + "`, which is reassigned");
        }
        for (VariableDeclarator v : p.method.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()
                    && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr d
                    && d.getVariables().size() == 1 && d.getParentNode().orElse(null) instanceof ExpressionStmt es) {
                return es;
            }
        }
        throw new Unsupported(p.method, "the graph uses `" + name + "`, whose declaration the test cannot copy");
    }

    /** How the graph method refers to node {@code n}: its local when a graph statement declares it, else by TF name. */
    private static void ref(TfNode n, Map<TfNode, String> names, Map<TfNode, String> refs, List<Statement> graph,
            boolean op) {
        if (names.containsKey(n)) {
            return;
        }
        String base = n.tfName != null && n.op.equals("variable") ? n.tfName : n.label();
        String name = base;
        for (int i = 2; names.containsValue(name); i++) {
            name = base + "_" + i;
        }
        names.put(n, name);
        if (n.javaName != null && n.statement instanceof ExpressionStmt es && graph.contains(n.statement)
                && es.getExpression() instanceof VariableDeclarationExpr d
                && d.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(n.javaName))) {
            refs.put(n, n.javaName);
        } else if (!op && n.tfName != null) {
            refs.put(n, "{graph}.operation(\"" + n.tfName + "\").output(0)");
        } else {
            throw new Unsupported(n.source, "the test cannot name `" + n.label() + "` in the original graph");
        }
    }

    private String testMethod(GraphProgram p, ModuleWriter mw, RunSite rs, RunSite.ModuleMethod m, String graphMethod,
            Map<TfNode, String> names, List<Statement> ctorContext, SourceEdits ed) {
        String model = owner + "." + mw.className;
        boolean train = rs.training();
        String caseName = owner + "." + m.name + (train ? ".gradients" : "");
        String testName = m.name + (train ? "GradientsMatchTensorFlow" : "MatchesTensorFlow");
        List<String> t = new ArrayList<>();
        t.add("");
        t.add(train
                ? "    /** {@code " + m.name + "} and its gradients with respect to every variable (what the optimizer "
                        + "step at line " + rs.line() + " of " + owner + " applies), on real TF and on the engine. */"
                : "    /** The outputs of {@code " + m.name + "}, as the run site at line " + rs.line() + " of " + owner
                        + " computes them, on real TF and on the engine. */");
        t.add("    @Test");
        t.add("    void " + testName + "() {");
        for (Statement s : ctorContext) {
            t.add(reindent(ed, s, "        "));
        }
        t.add("        " + model + " model = new " + model + "(" + String.join(", ", mw.constructorArgs()) + ");");
        List<TfNode> vars = p.variables();
        if (train) {
            t.add("        Map<String, Tensor> parameters = new LinkedHashMap<>();");
            for (TfNode v : vars) {
                t.add("        parameters.put(\"" + names.get(v) + "\", model." + mw.fieldOf(v) + ");");
            }
        }
        t.add("        ParityResult parity = Parity.named(\"" + caseName + "\")");
        t.add("                .seed(" + (tests.size() + 1) + ")");
        for (TfNode in : m.inputs) {
            t.add("                .input(\"" + names.get(in) + "\", " + input(p, in) + ")");
        }
        if (train) {
            List<String> wrt = new ArrayList<>();
            vars.forEach(v -> wrt.add("\"" + names.get(v) + "\""));
            t.add("                .gradients(\"" + names.get(rs.loss) + "\", " + String.join(", ", wrt) + ")");
            for (TfNode v : vars) {
                if (mw.storageOf(v) == Layout.OIHW) {
                    t.add("                .layout(\"" + names.get(v) + "\", Layout.HWIO_OIHW)");
                }
            }
        }
        // TF side: the original graph, initialised, fed the same values
        List<TfNode> fetched = new ArrayList<>(m.outputs);
        t.add("                .tf(inputs -> {");
        t.add("                    try (Graph graph = new Graph(); Session session = new Session(graph)) {");
        t.add("                        Map<String, Op> nodes = " + owner + "Original." + graphMethod + "(graph);");
        t.add("                        session.initialize();");
        StringBuilder run = new StringBuilder("session.runner()");
        for (TfNode in : m.inputs) {
            run.append(".feed(operand(nodes, \"").append(names.get(in)).append("\"), inputs.get(\"")
                    .append(names.get(in)).append("\"))");
        }
        for (TfNode o : fetched) {
            run.append(".fetch(operand(nodes, \"").append(names.get(o)).append("\"))");
        }
        if (train) {
            List<String> xs = new ArrayList<>();
            vars.forEach(v -> xs.add("operand(nodes, \"" + names.get(v) + "\").asOutput()"));
            t.add("                        Output<?>[] grads = graph.addGradients(operand(nodes, \"" + names.get(rs.loss)
                    + "\").asOutput(), new Output<?>[] {");
            t.add("                                " + String.join(",\n                                ", xs) + "});");
            for (int k = 0; k < vars.size(); k++) {
                run.append(".fetch(grads[").append(k).append("])");
            }
        }
        t.add("                        Result r = " + run.toString().replace(").", ")\n                                .")
                + ".run();");
        t.add("                        Map<String, org.tensorflow.Tensor> out = new LinkedHashMap<>();");
        int k = 0;
        for (TfNode o : fetched) {
            t.add("                        out.put(\"" + names.get(o) + "\", r.get(" + k++ + "));");
        }
        if (train) {
            for (TfNode v : vars) {
                t.add("                        out.put(Parity.gradientName(\"" + names.get(rs.loss) + "\", \""
                        + names.get(v) + "\"), r.get(" + k++ + "));");
            }
        }
        t.add("                        return out;");
        t.add("                    }");
        t.add("                })");
        // engine side: the migrated module
        List<String> args = new ArrayList<>();
        m.inputs.forEach(in -> args.add("in.get(\"" + names.get(in) + "\")"));
        t.add("                .engine(EngineSide.of(in -> {");
        t.add("                    var result = model." + m.name + "(" + String.join(", ", args) + ");");
        t.add("                    Map<String, Tensor> out = new LinkedHashMap<>();");
        for (int j = 0; j < m.outputs.size(); j++) {
            String v = m.outputs.size() == 1 ? "result" : "result." + mw.component(m, j) + "()";
            t.add("                    out.put(\"" + names.get(m.outputs.get(j)) + "\", " + v + ");");
        }
        t.add("                    return out;");
        t.add("                })" + (train ? ".withParameters(parameters))" : ")"));
        t.add("                .run();");
        t.add("        assertThatParity(parity).passes();");
        t.add("    }");
        return String.join("\n", t);
    }

    /** The parity input for placeholder {@code in}: its static shape (unknown dimensions: 2), its dtype, a range. */
    private static String input(GraphProgram p, TfNode in) {
        if (in.shape == null || in.dtype == null) {
            throw new Unsupported(in.source, "placeholder `" + in.label() + "` has no static shape or dtype");
        }
        List<String> dims = new ArrayList<>();
        for (long d : in.shape) {
            dims.add(Long.toString(d < 0 ? 2 : d));
        }
        String shape = String.join(", ", dims);
        switch (in.dtype) {
            case "float32": return "Input.float32(" + shape + ")";
            case "float64": return "Input.float64(" + shape + ")";
            case "int32": return "Input.int32(" + shape + ").ints(0, " + classes(p, in) + ")";
            case "int64": return "Input.int64(" + shape + ").ints(0, " + classes(p, in) + ")";
            default: throw new Unsupported(in.source, "placeholder `" + in.label() + "` of dtype " + in.dtype);
        }
    }

    /** Integer feeds are class indices: below the class count of the op that reads them, else below 2. */
    private static long classes(GraphProgram p, TfNode in) {
        long c = Long.MAX_VALUE;
        for (TfNode n : p.interpreter.nodes) {
            if (!n.inputs.contains(in)) {
                continue;
            }
            if (n.op.equals("sparseSoftmaxCE") && n.input(0).shape != null && n.input(0).rank() == 2
                    && n.input(0).shape[1] > 0) {
                c = Math.min(c, n.input(0).shape[1]);
            } else if (n.op.equals("oneHot") && n.attr("depth") instanceof Number d) {
                c = Math.min(c, d.longValue());
            } else {
                c = Math.min(c, 2);
            }
        }
        return c == Long.MAX_VALUE ? 2 : c;
    }

    private static String reindent(SourceEdits ed, Statement s, String indent) {
        int start = ed.lineStart(ed.beginWithComment(s));
        String text = ed.text.substring(start, ed.end(s));
        String own = ed.indentOf(s);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (line.isBlank()) {
                continue;
            }
            out.append(indent).append(line.startsWith(own) ? line.substring(own.length()) : line.strip());
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- the files

    /** The kept original: the class renamed to {@code <Class>Original}, the graph methods added. */
    String originalSource() {
        String renamed = renamed(original, owner, owner + "Original");
        int close = renamed.lastIndexOf('}');
        String header = "// " + KEEP_MARKER + ".\n";
        int at = renamed.startsWith("package") ? 0 : 0;
        return header + renamed.substring(at, close).stripTrailing() + "\n" + String.join("\n", graphMethods) + "\n}\n";
    }

    /**
     * {@code source} with class {@code from} renamed to {@code to}: its declaration, constructors and the
     * references to it (types, {@code from.member}, {@code from.class}); comments and strings that mention
     * the name are left as they are.
     */
    static String renamed(String source, String from, String to) {
        com.github.javaparser.ParseResult<CompilationUnit> r = new com.github.javaparser.JavaParser().parse(source);
        if (r.getResult().isEmpty()) {
            throw new IllegalStateException("the kept original no longer parses: " + r.getProblems());
        }
        CompilationUnit copy = r.getResult().get();
        LexicalPreservingPrinter.setup(copy);
        for (ClassOrInterfaceDeclaration c : copy.findAll(ClassOrInterfaceDeclaration.class,
                c -> c.getNameAsString().equals(from))) {
            c.setName(to);
            c.getConstructors().forEach(k -> k.setName(to));
        }
        for (ClassOrInterfaceType t : copy.findAll(ClassOrInterfaceType.class, t -> t.getNameAsString().equals(from))) {
            t.setName(to);
        }
        for (NameExpr n : copy.findAll(NameExpr.class, n -> n.getNameAsString().equals(from))) {
            n.setName(to);
        }
        return LexicalPreservingPrinter.print(copy);
    }

    /** The JUnit 5 test class. */
    String testSource() {
        List<String> l = new ArrayList<>();
        l.add("// " + KEEP_MARKER + ".");
        if (!pkg.isEmpty()) {
            l.add("package " + pkg + ";");
            l.add("");
        }
        l.add("import static dev.ember.parity.ParityAssertions.assertThatParity;");
        if (!pkg.isEmpty()) {
            l.add("import static " + pkg + "." + owner + ".*;");
        }
        l.add("");
        l.add("import dev.ember.engine.Tensor;");
        l.add("import dev.ember.parity.EngineSide;");
        l.add("import dev.ember.parity.Input;");
        l.add("import dev.ember.parity.Layout;");
        l.add("import dev.ember.parity.Parity;");
        l.add("import dev.ember.parity.ParityResult;");
        for (String i : imports()) {
            l.add("import " + i + ";");
        }
        l.add("import java.util.LinkedHashMap;");
        l.add("import java.util.Map;");
        l.add("import org.junit.jupiter.api.Test;");
        l.add("import org.tensorflow.Graph;");
        l.add("import org.tensorflow.Operand;");
        l.add("import org.tensorflow.Output;");
        l.add("import org.tensorflow.Result;");
        l.add("import org.tensorflow.Session;");
        l.add("import org.tensorflow.op.Op;");
        l.add("");
        l.add("/**");
        l.add(" * Parity of the migrated " + owner + " with the original on real TF (generated by ember migrate");
        l.add(" * --emit-parity-tests): the same seeded feeds, the same initial weights, outputs within the");
        l.add(" * harness's default float32 tolerances. Needs engine, tfcompat, parity-tests and TF-Java on the classpath.");
        l.add(" */");
        l.add("class " + owner + "ParityTest {");
        l.addAll(tests);
        l.add("");
        l.add("    private static Operand<?> operand(Map<String, Op> nodes, String name) {");
        l.add("        return (Operand<?>) nodes.get(name);");
        l.add("    }");
        l.add("}");
        return String.join("\n", l) + "\n";
    }

    /** The single-type imports of the original file (the context statements may use them), minus TF-Java's. */
    private List<String> imports() {
        List<String> out = new ArrayList<>();
        cu.getImports().forEach(i -> {
            String n = i.getNameAsString();
            if (!i.isStatic() && !i.isAsterisk() && !n.startsWith("org.tensorflow") && !n.startsWith("dev.ember.parity")
                    && !n.equals("java.util.Map") && !n.equals("java.util.LinkedHashMap")
                    && !n.equals("dev.ember.engine.Tensor")) {
                out.add(n);
            }
        });
        return out;
    }
}
