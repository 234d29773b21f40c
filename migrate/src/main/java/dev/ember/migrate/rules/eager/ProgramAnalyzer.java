package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds graph programs (methods creating a {@code new Graph()}) and analyses one: every statement is
 * graph building (interpreted, then removed), a session statement, a run site, a feed tensor, a call
 * passing the session to a helper, or plain Java that must not touch TF values. Anything else is
 * {@link Unsupported}.
 */
final class ProgramAnalyzer {
    private final GraphProgram p;
    private final Interpreter in;
    private int javaLoops;
    private final Set<String> resultNames = new HashSet<>();
    private MethodDeclaration current;

    private ProgramAnalyzer(GraphProgram p) {
        this.p = p;
        this.in = p.interpreter;
    }

    /** Methods of {@code cu} that create an {@code org.tensorflow.Graph}. */
    static List<MethodDeclaration> candidates(CompilationUnit cu) {
        List<MethodDeclaration> out = new java.util.ArrayList<>();
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            for (ObjectCreationExpr o : m.findAll(ObjectCreationExpr.class)) {
                if (o.getType().getNameAsString().equals("Graph") && isType(o, "org.tensorflow.Graph")) {
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    /** One analysis per method node: the warning rules and the conversion share it (the AST does not change between them). */
    private static final com.github.javaparser.ast.DataKey<Object> ANALYSIS = new com.github.javaparser.ast.DataKey<>() {
    };

    /**
     * The graph program {@code m} builds and runs, analysed once per method node and then shared by the
     * rules that ask (the last one, the conversion, may change it); an {@link Unsupported} is shared too.
     */
    static GraphProgram analyze(CompilationUnit cu, MethodDeclaration m) {
        if (m.containsData(ANALYSIS)) {
            Object done = m.getData(ANALYSIS);
            if (done instanceof Unsupported) {
                throw (Unsupported) done;
            }
            return (GraphProgram) done;
        }
        try {
            GraphProgram p = analyzeOnce(cu, m);
            m.setData(ANALYSIS, p);
            return p;
        } catch (Unsupported u) {
            m.setData(ANALYSIS, u);
            throw u;
        }
    }

    private static GraphProgram analyzeOnce(CompilationUnit cu, MethodDeclaration m) {
        ClassOrInterfaceDeclaration owner = m.findAncestor(ClassOrInterfaceDeclaration.class)
                .orElseThrow(() -> new Unsupported(m, "a graph program outside a class"));
        GraphProgram p = new GraphProgram(cu, owner, m, new Interpreter(reassigned(m)));
        ProgramAnalyzer a = new ProgramAnalyzer(p);
        a.method(m, -1);
        java.util.Map<String, Val> programEnv = new java.util.LinkedHashMap<>(p.interpreter.env);
        for (var h : p.helpers.entrySet()) {
            a.method(h.getKey(), h.getValue());
        }
        p.interpreter.env.clear();
        p.interpreter.env.putAll(programEnv);
        if (p.runSites.isEmpty()) {
            throw new Unsupported(m, "the graph is never run in this class (no run site)",
                    "nothing to convert: the graph is built but never run here");
        }
        Training.analyze(p);
        return p;
    }

    private void method(MethodDeclaration m, int sessionParam) {
        current = m;
        if (m.getBody().isEmpty()) {
            return;
        }
        if (sessionParam >= 0) {
            in.env.clear();
        }
        for (int i = 0; i < m.getParameters().size(); i++) {
            Parameter prm = m.getParameter(i);
            in.env.put(prm.getNameAsString(), i == sessionParam ? new Val.SessionV()
                    : new Val.Opaque(new NameExpr(prm.getNameAsString()), prm.getType().asString()));
            if (i == sessionParam) {
                p.sessionNames.add(prm.getNameAsString());
            }
        }
        walk(m.getBody().get());
    }

    static Set<String> reassigned(MethodDeclaration m) {
        Set<String> out = new HashSet<>();
        for (AssignExpr a : m.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr n) {
                out.add(n.getNameAsString());
            }
        }
        for (UnaryExpr u : m.findAll(UnaryExpr.class)) {
            if (u.getExpression() instanceof NameExpr n && u.getOperator().name().contains("CREMENT")) {
                out.add(n.getNameAsString());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- statements

    private void walk(Statement s) {
        if (s instanceof BlockStmt b) {
            for (Statement c : b.getStatements()) {
                walk(c);
            }
        } else if (s instanceof TryStmt t) {
            tryStmt(t);
        } else if (s instanceof ExpressionStmt es) {
            expression(es);
        } else if (isControl(s)) {
            if (!hasSessionCall(s) && touchesGraph(s)) {
                graph(s);
                return;
            }
            for (Node c : conditions(s)) {
                checkNoTf(c);
            }
            javaLoops++;
            for (Node c : s.getChildNodes()) {
                if (c instanceof Statement cs) {
                    walk(cs);
                }
            }
            javaLoops--;
        } else {
            checkNoTf(s);
            between(s);
        }
    }

    private static boolean isControl(Statement s) {
        return s.isForStmt() || s.isForEachStmt() || s.isWhileStmt() || s.isDoStmt() || s.isIfStmt()
                || s.isLabeledStmt() || s.isSynchronizedStmt() || s.isSwitchStmt();
    }

    private static List<Node> conditions(Statement s) {
        List<Node> out = new java.util.ArrayList<>();
        for (Node c : s.getChildNodes()) {
            if (!(c instanceof Statement)) {
                out.add(c);
            }
        }
        return out;
    }

    private void tryStmt(TryStmt t) {
        boolean touched = false;
        for (Expression r : t.getResources()) {
            if (!(r instanceof VariableDeclarationExpr d) || d.getVariables().size() != 1) {
                checkNoTf(r);
                continue;
            }
            VariableDeclarator v = d.getVariable(0);
            Expression init = v.getInitializer().orElse(null);
            if (init == null) {
                continue;
            }
            Optional<MethodCallExpr> run = runCall(init);
            if (run.isPresent() && run.get() == init) {
                RunSite rs = runSite(run.get(), t);
                rs.resultVar = v;
                rs.resourceOf = t;
                resultNames.add(v.getNameAsString());
                touched = true;
            } else if (Feeds.dtypeOf(init) != null) {
                p.feedVars.add(v);
                touched = true;
            } else if (run.isPresent()) {
                RunSite rs = runSite(run.get(), t);
                rs.resourceOf = t;
                touched = true;
            } else if (isResultRead(init)) {
                touched = true;   // a typed fetched tensor of an earlier Result: rewritten with the reads
            } else {
                Val val = in.eval(init);
                if (val instanceof Val.GraphV || val instanceof Val.SessionV) {
                    in.bind(v.getNameAsString(), val);
                    if (val instanceof Val.SessionV) {
                        p.sessionNames.add(v.getNameAsString());
                    }
                    p.droppedResources.add(r);
                    touched = true;
                } else if (Interpreter.isTf(val)) {
                    throw new Unsupported(r, "a TF value as a try-with-resources resource");
                } else {
                    in.env.put(v.getNameAsString(), val);
                }
            }
        }
        if (touched) {
            p.tries.add(t);
        }
        walk(t.getTryBlock());
        for (CatchClause c : t.getCatchClauses()) {
            walk(c.getBody());
        }
        t.getFinallyBlock().ifPresent(this::walk);
    }

    private boolean isResultRead(Expression init) {
        for (MethodCallExpr m : init.findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("get") && m.getScope().filter(s -> s instanceof NameExpr n
                    && resultNames.contains(n.getNameAsString())).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void expression(ExpressionStmt es) {
        Expression e = es.getExpression();
        Optional<MethodCallExpr> run = runCall(e);
        if (run.isPresent()) {
            RunSite rs = runSite(run.get(), es);
            if (e instanceof VariableDeclarationExpr d && d.getVariables().size() == 1
                    && d.getVariable(0).getInitializer().orElse(null) == run.get()) {
                rs.resultVar = d.getVariable(0);
                resultNames.add(rs.resultVar.getNameAsString());
            }
            return;
        }
        if (isResultRead(e)) {
            between(es);   // reads of a Result: rewritten with their run site
            return;
        }
        Optional<String> sessionCall = sessionCall(e);
        if (sessionCall.isPresent()) {
            switch (sessionCall.get()) {
                case "initialize":
                case "forceInitialize":
                case "close":
                    p.sessionStatements.add(es);
                    return;
                case "save":
                    p.saves.add((MethodCallExpr) e);
                    return;
                case "restore":
                    throw new Unsupported(es, "session.restore reads a TF checkpoint",
                            "import it with `ember import-checkpoint` and loadStateDict the result");
                default:
                    throw new Unsupported(es, "session." + sessionCall.get() + " is not converted");
            }
        }
        if (e instanceof MethodCallExpr mc && mc.getNameAsString().equals("close") && mc.getScope().isPresent()
                && in.eval(mc.getScope().get()) instanceof Val.GraphV) {
            p.sessionStatements.add(es);
            return;
        }
        if (e instanceof VariableDeclarationExpr d && d.getVariables().size() == 1
                && d.getVariable(0).getInitializer().map(Feeds::dtypeOf).isPresent()) {
            p.feedVars.add(d.getVariable(0));
            return;
        }
        if (helperCalls(es)) {
            return;
        }
        if (touchesGraph(es)) {
            graph(es);
            return;
        }
        java(es);
    }

    /** A graph-building statement: interpreted now, removed from the output. */
    private void graph(Statement s) {
        if (javaLoops > 0 || current != p.method) {
            throw new Unsupported(s, current != p.method ? "graph building in a helper method that runs the session"
                    : "graph building inside a loop or branch that also runs the session (the graph would grow each "
                    + "time)");
        }
        int before = in.nodes.size();
        in.statement = s;
        in.exec(s);
        p.graphStatements.add(s);
        for (TfNode n : in.nodes.subList(before, in.nodes.size())) {
            if (n.op.equals("variable")) {
                if (p.firstVariable == null) {
                    p.firstVariable = s;
                }
                p.lastVariable = s;
                p.javaBetweenVariables.clear();
            }
        }
    }

    private void java(ExpressionStmt es) {
        checkNoTf(es);
        if (es.getExpression() instanceof VariableDeclarationExpr d) {
            for (VariableDeclarator v : d.getVariables()) {
                String n = v.getNameAsString();
                Val val = javaLoops > 0 || in.reassigned.contains(n) || v.getInitializer().isEmpty()
                        ? new Val.Opaque(new NameExpr(n), v.getType().asString())
                        : in.eval(v.getInitializer().get());
                in.env.put(n, val instanceof Val.Const || val instanceof Val.Opaque ? val
                        : new Val.Opaque(new NameExpr(n), v.getType().asString()));
            }
        }
        between(es);
    }

    private void between(Statement s) {
        if (p.firstVariable != null && current == p.method) {
            p.javaBetweenVariables.add(s);
        }
    }

    /** Calls passing the session to a method of this class: the method is analysed as part of the program. */
    private boolean helperCalls(ExpressionStmt es) {
        boolean found = false;
        for (MethodCallExpr c : es.findAll(MethodCallExpr.class)) {
            for (int i = 0; i < c.getArguments().size(); i++) {
                if (c.getArgument(i) instanceof NameExpr n && in.env.get(n.getNameAsString()) instanceof Val.SessionV) {
                    MethodDeclaration target = declaration(c);
                    Integer prev = p.helpers.putIfAbsent(target, i);
                    if (prev != null && prev != i) {
                        throw new Unsupported(c, "the session passed at different positions");
                    }
                    p.helperCalls.add(c);
                    found = true;
                }
            }
        }
        if (found) {
            checkNoTf(es, true);
            between(es);
        }
        return found;
    }

    private MethodDeclaration declaration(MethodCallExpr c) {
        try {
            Optional<Node> ast = c.resolve().toAst();
            if (ast.isPresent() && ast.get() instanceof MethodDeclaration m
                    && m.findCompilationUnit().orElse(null) == p.cu) {
                for (MethodCallExpr other : p.cu.findAll(MethodCallExpr.class)) {
                    if (other.getNameAsString().equals(m.getNameAsString()) && other != c
                            && !other.findAncestor(MethodDeclaration.class).map(d -> d == p.method).orElse(false)) {
                        throw new Unsupported(other, "`" + m.getNameAsString() + "` is also called from outside the "
                                + "graph program");
                    }
                }
                return m;
            }
        } catch (Unsupported u) {
            throw u;
        } catch (RuntimeException | StackOverflowError e) {
            // fall through
        }
        throw new Unsupported(c, "the session is passed to `" + c.getNameAsString() + "`, which is not a method of "
                + "this class");
    }

    // ---------------------------------------------------------------- run sites

    private RunSite runSite(MethodCallExpr run, Statement stmt) {
        RunSite rs = new RunSite(run, current);
        rs.statement = stmt;
        String name = resolved(run).map(ResolvedMethodDeclaration::getName).orElse("");
        Expression scope = run.getScope().orElseThrow();
        boolean sessionRun = declaringType(run).equals("org.tensorflow.Session")
                || (declaringType(run).isEmpty() && !(scope instanceof MethodCallExpr));
        if (sessionRun) {
            if (!(in.eval(scope) instanceof Val.SessionV)) {
                throw new Unsupported(run, "a run on a session the analysis does not know");
            }
            if (!name.equals("run") || run.getArguments().size() != 1) {
                throw new Unsupported(run, "session." + name + " is not converted");
            }
            rs.targets.add(node(run.getArgument(0), run));
            p.runSites.add(rs);
            return rs;
        }
        Expression cur = scope;
        while (cur instanceof MethodCallExpr link && !link.getNameAsString().equals("runner")) {
            String op = link.getNameAsString();
            List<Expression> args = link.getArguments();
            switch (op) {
                case "feed":
                    rs.feeds.add(0, node(args.get(0), link));
                    if (args.size() == 3) {
                        index0(args.get(1), link);
                    }
                    rs.feedValues.add(0, args.get(args.size() - 1));
                    break;
                case "fetch":
                    if (args.size() == 2) {
                        index0(args.get(1), link);
                    }
                    rs.fetches.add(0, node(args.get(0), link));
                    break;
                case "addTarget":
                    rs.targets.add(0, node(args.get(0), link));
                    break;
                default:
                    throw new Unsupported(link, "runner()." + op + " is not converted");
            }
            cur = link.getScope().orElseThrow();
        }
        if (!(cur instanceof MethodCallExpr r) || r.getScope().isEmpty()
                || !(in.eval(r.getScope().get()) instanceof Val.SessionV)) {
            throw new Unsupported(run, "a runner the analysis cannot follow back to the session");
        }
        p.runSites.add(rs);
        return rs;
    }

    private static void index0(Expression e, Node at) {
        if (!(e instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr i) || i.asNumber().intValue() != 0) {
            throw new Unsupported(at, "a fetch or feed of an output other than 0");
        }
    }

    /** The node an operand or an op name refers to. */
    private TfNode node(Expression e, Node at) {
        Val v = in.eval(e);
        if (v instanceof Val.Tf t) {
            return t.node();
        }
        if (v instanceof Val.Const c && c.value() instanceof String s) {
            String name = s.endsWith(":0") ? s.substring(0, s.length() - 2) : s;
            TfNode n = in.byTfName.get(name);
            if (n == null) {
                throw new Unsupported(at, "no node named \"" + s + "\" in the graph built here");
            }
            return n;
        }
        throw new Unsupported(at, "a feed, fetch or target the analysis cannot identify: `" + Interpreter.oneLine(e) + "`");
    }

    // ---------------------------------------------------------------- classification helpers

    /** The run call in {@code e}: {@code Runner.run()} or {@code Session.run(op)}. */
    private Optional<MethodCallExpr> runCall(Expression e) {
        MethodCallExpr found = null;
        for (MethodCallExpr m : e.findAll(MethodCallExpr.class)) {
            if (isRunCall(m)) {
                if (found != null) {
                    throw new Unsupported(e, "two session runs in one statement");
                }
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code Runner.run()} or {@code Session.run(op)}, resolved, or followed back to the session when unresolved. */
    private boolean isRunCall(MethodCallExpr m) {
        if (!m.getNameAsString().equals("run")) {
            return false;
        }
        String owner = declaringType(m);
        if (!owner.isEmpty()) {
            return owner.equals("org.tensorflow.Session.Runner") || owner.equals("org.tensorflow.Session");
        }
        Expression cur = m.getScope().orElse(null);
        while (cur instanceof MethodCallExpr c && Set.of("feed", "fetch", "addTarget").contains(c.getNameAsString())) {
            cur = c.getScope().orElse(null);
        }
        if (cur instanceof MethodCallExpr c && c.getNameAsString().equals("runner")) {
            cur = c.getScope().orElse(null);
        }
        return cur instanceof NameExpr n && in.env.get(n.getNameAsString()) instanceof Val.SessionV;
    }

    private Optional<String> sessionCall(Expression e) {
        if (e instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get() instanceof NameExpr n
                && in.env.get(n.getNameAsString()) instanceof Val.SessionV) {
            return Optional.of(m.getNameAsString());
        }
        return Optional.empty();
    }

    private boolean hasSessionCall(Node s) {
        for (MethodCallExpr m : s.findAll(MethodCallExpr.class)) {
            if (m.getScope().filter(x -> x instanceof NameExpr n && in.env.get(n.getNameAsString()) instanceof Val.SessionV)
                    .isPresent()) {
                return true;
            }
            if (m.getArguments().stream().anyMatch(a -> a instanceof NameExpr n
                    && in.env.get(n.getNameAsString()) instanceof Val.SessionV)) {
                return true;
            }
        }
        return false;
    }

    /** True when the statement builds graph nodes or works with TF values (not the session's). */
    private boolean touchesGraph(Node s) {
        for (NameExpr n : s.findAll(NameExpr.class)) {
            Val v = in.env.get(n.getNameAsString());
            if (v != null && Interpreter.isTf(v) && !(v instanceof Val.SessionV)) {
                return true;
            }
        }
        for (MethodCallExpr m : s.findAll(MethodCallExpr.class)) {
            String owner = declaringType(m);
            if (owner.startsWith("org.tensorflow.op.") || owner.startsWith("org.tensorflow.framework.")) {
                return true;
            }
        }
        for (ObjectCreationExpr o : s.findAll(ObjectCreationExpr.class)) {
            String t = createdType(o);
            if (t.startsWith("org.tensorflow.") && !t.startsWith("org.tensorflow.ndarray.")) {
                return true;
            }
        }
        for (VariableDeclarator v : s.findAll(VariableDeclarator.class)) {
            String t = typeOf(v);
            if (t.contains("org.tensorflow.") && !t.contains("org.tensorflow.ndarray.")) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a kept statement that uses TF values (other than reads the run-site rewrite handles). */
    private void checkNoTf(Node s) {
        checkNoTf(s, false);
    }

    private void checkNoTf(Node s, boolean allowSession) {
        for (NameExpr n : s.findAll(NameExpr.class)) {
            Val v = in.env.get(n.getNameAsString());
            if (v != null && Interpreter.isTf(v) && !(allowSession && v instanceof Val.SessionV)) {
                throw new Unsupported(n, "`" + n + "` (a TF " + kind(v) + ") is used by code the eager level does not "
                        + "convert: `" + Interpreter.oneLine(s) + "`");
            }
        }
    }

    private static String kind(Val v) {
        return v instanceof Val.SessionV ? "session" : v instanceof Val.GraphV ? "graph" : v instanceof Val.Scope
                ? "Ops scope" : "value";
    }

    static String declaringType(MethodCallExpr m) {
        return resolved(m).map(d -> d.declaringType().getQualifiedName()).orElse("");
    }

    static Optional<ResolvedMethodDeclaration> resolved(MethodCallExpr m) {
        try {
            return Optional.of(m.resolve());
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static String createdType(ObjectCreationExpr o) {
        try {
            return o.resolve().declaringType().getQualifiedName();
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    private static String typeOf(VariableDeclarator v) {
        if (v.getType().isVarType()) {
            return "";
        }
        try {
            return v.getType().resolve().describe();
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** The session runs in {@code m} (for the report when its program cannot be analysed). */
    static int countRunCalls(MethodDeclaration m) {
        int n = 0;
        for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
            String owner = declaringType(c);
            if (c.getNameAsString().equals("run") && (owner.equals("org.tensorflow.Session.Runner")
                    || owner.equals("org.tensorflow.Session"))) {
                n++;
            }
        }
        return n;
    }

    static boolean isType(ObjectCreationExpr o, String qualified) {
        return createdType(o).equals(qualified);
    }
}
