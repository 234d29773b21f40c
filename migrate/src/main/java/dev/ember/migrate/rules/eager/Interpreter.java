package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.resolution.declarations.ResolvedConstructorDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the graph-building expressions of a TF-Java program at migration time: TF op calls become
 * {@link TfNode}s (through {@link OpTranslations}), {@code Ops} scopes carry TF-Java's naming rules,
 * Java constants, lists and loops are computed, and anything else is an opaque Java expression. An
 * expression that mixes TF values with code the analysis does not know is {@link Unsupported}.
 */
final class Interpreter {
    static final String TF = "org.tensorflow.";

    final Map<String, Val> env = new LinkedHashMap<>();
    final List<TfNode> nodes = new ArrayList<>();
    final Map<String, TfNode> byTfName = new LinkedHashMap<>();
    /** Locals assigned after their declaration: never treated as constants. */
    final Set<String> reassigned;
    /** The top-level statement being interpreted (recorded on the nodes it creates). */
    com.github.javaparser.ast.stmt.Statement statement;
    private Val.Names rootNames;

    Interpreter(Set<String> reassigned) {
        this.reassigned = reassigned;
    }

    // ---------------------------------------------------------------- nodes

    TfNode node(String op, List<TfNode> inputs, Node source, Val.Scope scope, String tfType) {
        TfNode n = new TfNode(nodes.size(), op, inputs, source);
        n.statement = statement;
        if (scope != null) {
            n.tfName = scope.makeOpName(tfType);
            n.controlDeps.addAll(scope.controls());
            byTfName.put(n.tfName, n);
        }
        nodes.add(n);
        return n;
    }

    Val.Scope rootScope() {
        if (rootNames == null) {
            rootNames = new Val.Names(null);
        }
        return new Val.Scope(rootNames, null, List.of());
    }

    static boolean isTf(Val v) {
        if (v instanceof Val.ListOf l) {
            return l.items().stream().anyMatch(Interpreter::isTf);
        }
        return v instanceof Val.Tf || v instanceof Val.Scope || v instanceof Val.Group || v instanceof Val.GraphV
                || v instanceof Val.SessionV || v instanceof Val.Optimizer;
    }

    // ---------------------------------------------------------------- statements

    /**
     * Runs a graph-building statement (declarations, expression statements, blocks, and loops or ifs
     * whose conditions are constants). Java calls with possible side effects inside are refused: the
     * statement is removed from the output, so nothing else may hide in it.
     */
    void exec(com.github.javaparser.ast.stmt.Statement s) {
        if (s instanceof com.github.javaparser.ast.stmt.BlockStmt b) {
            b.getStatements().forEach(this::exec);
        } else if (s instanceof com.github.javaparser.ast.stmt.ExpressionStmt es) {
            Expression e = es.getExpression();
            if (e instanceof VariableDeclarationExpr d) {
                declare(d);
                return;
            }
            Val v = eval(e);
            if (v instanceof Val.Opaque && !(e instanceof AssignExpr)) {
                throw new Unsupported(s, "Java code mixed into graph building (`" + oneLine(e) + "`) would be lost",
                        "move it out of the graph-building statements");
            }
        } else if (s instanceof com.github.javaparser.ast.stmt.ForStmt f) {
            for (Expression init : f.getInitialization()) {
                if (init instanceof VariableDeclarationExpr d) {
                    declare(d);
                } else {
                    eval(init);
                }
            }
            int guard = 0;
            while (f.getCompare().map(c -> condition(c)).orElse(true)) {
                exec(f.getBody());
                f.getUpdate().forEach(this::eval);
                if (++guard > 100_000) {
                    throw new Unsupported(s, "a graph-building loop that does not end at migration time");
                }
            }
        } else if (s instanceof com.github.javaparser.ast.stmt.ForEachStmt f) {
            Val it = eval(f.getIterable());
            if (!(it instanceof Val.ListOf l)) {
                throw new Unsupported(f.getIterable(), "a loop over values the analysis cannot list");
            }
            String var = f.getVariable().getVariables().get(0).getNameAsString();
            for (Val v : new ArrayList<>(l.items())) {
                env.put(var, v);
                exec(f.getBody());
            }
        } else if (s instanceof com.github.javaparser.ast.stmt.IfStmt i) {
            if (condition(i.getCondition())) {
                exec(i.getThenStmt());
            } else if (i.getElseStmt().isPresent()) {
                exec(i.getElseStmt().get());
            }
        } else if (!(s instanceof com.github.javaparser.ast.stmt.EmptyStmt)) {
            throw new Unsupported(s, "a " + s.getClass().getSimpleName().replace("Stmt", "").toLowerCase()
                    + " statement in graph-building code");
        }
    }

    private boolean condition(Expression c) {
        Val v = eval(c);
        if (v instanceof Val.Const k && k.value() instanceof Boolean b) {
            return b;
        }
        throw new Unsupported(c, "a condition the analysis cannot compute in graph-building code");
    }

    // ---------------------------------------------------------------- expressions

    Val eval(Expression e) {
        if (e instanceof EnclosedExpr x) {
            return eval(x.getInner());
        }
        if (e instanceof IntegerLiteralExpr x) {
            return new Val.Const(x.asNumber().intValue(), e);
        }
        if (e instanceof LongLiteralExpr x) {
            return new Val.Const(x.asNumber().longValue(), e);
        }
        if (e instanceof DoubleLiteralExpr x) {
            String s = x.getValue();
            boolean isFloat = s.endsWith("f") || s.endsWith("F");
            double d = Double.parseDouble(s.replaceAll("[fFdD]$", ""));
            return new Val.Const(isFloat ? (Object) (float) d : (Object) d, e);
        }
        if (e instanceof BooleanLiteralExpr x) {
            return new Val.Const(x.getValue(), e);
        }
        if (e instanceof StringLiteralExpr x) {
            return new Val.Const(x.asString(), e);
        }
        if (e instanceof CharLiteralExpr x) {
            return new Val.Const(x.asChar(), e);
        }
        if (e instanceof NameExpr x) {
            return name(x);
        }
        if (e instanceof UnaryExpr x) {
            return unary(x);
        }
        if (e instanceof BinaryExpr x) {
            return binary(x);
        }
        if (e instanceof CastExpr x) {
            Val v = eval(x.getExpression());
            if (v instanceof Val.Const c && c.value() instanceof Number n && x.getType().isPrimitiveType()) {
                return new Val.Const(JavaMath.cast(n, x.getType().asString()), e);
            }
            return v instanceof Val.Const ? opaque(e) : v;
        }
        if (e instanceof ConditionalExpr x) {
            Val c = eval(x.getCondition());
            if (c instanceof Val.Const k && k.value() instanceof Boolean b) {
                Val v = eval(b ? x.getThenExpr() : x.getElseExpr());
                return v instanceof Val.Const vc ? new Val.Const(vc.value(), e) : v;
            }
            return refuseTf(e, "a conditional expression whose condition is not known at migration time");
        }
        if (e instanceof ArrayCreationExpr || e instanceof ArrayInitializerExpr) {
            JArray a = JavaMath.array(e, this);
            return a != null ? new Val.Const(a, e) : opaque(e);
        }
        if (e instanceof ArrayAccessExpr x) {
            return refuseTf(e, "array access");
        }
        if (e instanceof MethodCallExpr x) {
            return call(x);
        }
        if (e instanceof ObjectCreationExpr x) {
            return create(x);
        }
        if (e instanceof FieldAccessExpr x) {
            return field(x);
        }
        if (e instanceof AssignExpr x) {
            return assign(x);
        }
        return refuseTf(e, "this kind of expression (" + e.getClass().getSimpleName() + ")");
    }

    /** An opaque Java value, unless the expression mentions a TF value (then the program cannot be converted). */
    private Val refuseTf(Expression e, String what) {
        for (NameExpr n : e.findAll(NameExpr.class)) {
            Val v = env.get(n.getNameAsString());
            if (v != null && isTf(v)) {
                throw new Unsupported(e, "TF values used in " + what + ": `" + oneLine(e) + "`");
            }
        }
        return opaque(e);
    }

    Val.Opaque opaque(Expression e) {
        String type;
        try {
            type = e.calculateResolvedType().describe();
        } catch (RuntimeException | StackOverflowError ex) {
            type = "?";
        }
        return new Val.Opaque(e, type);
    }

    private Val name(NameExpr x) {
        String n = x.getNameAsString();
        Val v = env.get(n);
        if (v != null) {
            // the current value: interpretation follows the program's order (loop counters included)
            return v instanceof Val.Const c ? new Val.Const(c.value(), x) : v;
        }
        try {
            ResolvedValueDeclaration d = x.resolve();
            if (d.isField()) {
                return constantField(d.asField(), x);
            }
        } catch (RuntimeException | StackOverflowError e) {
            // not resolvable: an opaque value
        }
        return opaque(x);
    }

    /** A static final field with a constant initializer is a constant (emitted by its name). */
    private Val constantField(ResolvedFieldDeclaration f, Expression use) {
        if (f.isStatic()) {
            Optional<Node> decl = f.toAst();
            if (decl.isPresent() && decl.get() instanceof com.github.javaparser.ast.body.FieldDeclaration fd
                    && fd.isFinal()) {
                for (VariableDeclarator v : fd.getVariables()) {
                    if (v.getNameAsString().equals(f.getName()) && v.getInitializer().isPresent()) {
                        Val init = new Interpreter(Set.of()).eval(v.getInitializer().get());
                        if (init instanceof Val.Const c && !(c.value() instanceof JArray)) {
                            return new Val.Const(c.value(), use);
                        }
                    }
                }
            }
        }
        return opaque(use);
    }

    private Val unary(UnaryExpr x) {
        if (x.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT || x.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                || x.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT
                || x.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
            if (x.getExpression() instanceof NameExpr n && env.get(n.getNameAsString()) instanceof Val.Const c
                    && c.value() instanceof Number num) {
                int delta = x.getOperator().name().contains("INCREMENT") ? 1 : -1;
                Object next = JavaMath.binary(num, Integer.valueOf(delta), BinaryExpr.Operator.PLUS);
                env.put(n.getNameAsString(), new Val.Const(next, null));
                return new Val.Const(x.isPrefix() ? next : num, x);
            }
            return refuseTf(x, "an increment");
        }
        Val v = eval(x.getExpression());
        if (v instanceof Val.Const c) {
            Object r = JavaMath.unary(c.value(), x.getOperator());
            if (r != null) {
                return new Val.Const(r, x);
            }
        }
        return refuseTf(x, "a unary operator");
    }

    private Val binary(BinaryExpr x) {
        Val a = eval(x.getLeft());
        Val b = eval(x.getRight());
        if (a instanceof Val.Const ca && b instanceof Val.Const cb) {
            Object r = JavaMath.binary(ca.value(), cb.value(), x.getOperator());
            if (r != null) {
                return new Val.Const(r, x);
            }
        }
        if (isTf(a) || isTf(b)) {
            throw new Unsupported(x, "a Java operator applied to TF values: `" + oneLine(x) + "`");
        }
        return opaque(x);
    }

    private Val assign(AssignExpr x) {
        if (!(x.getTarget() instanceof NameExpr t)) {
            return refuseTf(x, "an assignment to a field or array");
        }
        Val v = eval(x.getValue());
        if (x.getOperator() != AssignExpr.Operator.ASSIGN) {
            Val old = env.get(t.getNameAsString());
            if (old instanceof Val.Const oc && v instanceof Val.Const vc) {
                Object r = JavaMath.binary(oc.value(), vc.value(), x.getOperator().toBinaryOperator().orElseThrow());
                v = new Val.Const(r, null);
            } else if (isTf(v) || (old != null && isTf(old))) {
                throw new Unsupported(x, "a compound assignment on TF values");
            } else {
                v = opaque(x);
            }
        }
        bind(t.getNameAsString(), v);
        return v;
    }

    /** Binds a local; a TF value remembers the first Java name it was given. */
    void bind(String name, Val v) {
        env.put(name, v);
        if (v instanceof Val.Tf t && t.node().javaName == null) {
            t.node().javaName = name;
        }
    }

    void declare(VariableDeclarationExpr d) {
        for (VariableDeclarator v : d.getVariables()) {
            if (v.getInitializer().isPresent()) {
                Expression init = v.getInitializer().get();
                Val val = init instanceof ArrayInitializerExpr ai
                        ? Optional.ofNullable(JavaMath.array(ai, v.getType().asString(), this))
                                .<Val>map(a -> new Val.Const(a, init)).orElseGet(() -> opaque(init))
                        : eval(init);
                bind(v.getNameAsString(), val);
            } else {
                env.put(v.getNameAsString(), new Val.Opaque(null, v.getType().asString()));
            }
        }
    }

    private Val field(FieldAccessExpr x) {
        ResolvedValueDeclaration d;
        try {
            d = x.resolve();
        } catch (RuntimeException | StackOverflowError e) {
            Val scope = x.getScope() instanceof NameExpr || x.getScope() instanceof MethodCallExpr ? eval(x.getScope()) : null;
            if (scope instanceof Val.Scope s) {
                return new Val.Group(s, x.getNameAsString());
            }
            return refuseTf(x, "an unresolved field");
        }
        if (d.isField()) {
            ResolvedFieldDeclaration f = d.asField();
            String owner = f.declaringType().getQualifiedName();
            if (owner.equals(TF + "op.Ops")) {
                Val scope = eval(x.getScope());
                if (scope instanceof Val.Scope s) {
                    return new Val.Group(s, f.getName());
                }
                throw new Unsupported(x, "an Ops group of an Ops instance the analysis does not know");
            }
            return constantField(f, x);
        }
        return refuseTf(x, "a field access");
    }

    private Val create(ObjectCreationExpr x) {
        ResolvedConstructorDeclaration k;
        try {
            k = x.resolve();
        } catch (RuntimeException | StackOverflowError e) {
            return refuseTf(x, "an unresolved constructor");
        }
        String type = k.declaringType().getQualifiedName();
        if (type.equals(TF + "Graph")) {
            return new Val.GraphV();
        }
        if (type.equals(TF + "Session")) {
            if (x.getArguments().size() != 1) {
                throw new Unsupported(x, "a Session with a ConfigProto or other options");
            }
            return new Val.SessionV();
        }
        if (type.equals("java.util.ArrayList") || type.equals("java.util.LinkedList")) {
            if (x.getArguments().isEmpty() || !(x.getArguments().get(0).calculateResolvedType().isReferenceType())) {
                return Val.ListOf.mutableEmpty();
            }
            Val src = eval(x.getArguments().get(0));
            if (src instanceof Val.ListOf l) {
                return new Val.ListOf(new ArrayList<>(l.items()), true);
            }
        }
        if (type.startsWith(TF + "framework.optimizers.")) {
            List<Val> args = new ArrayList<>();
            x.getArguments().forEach(a -> args.add(eval(a)));
            return new Val.Optimizer(type.substring(type.lastIndexOf('.') + 1), args, x);
        }
        if (type.startsWith(TF) && !type.startsWith(TF + "ndarray")) {
            throw new Unsupported(x, "`new " + type.substring(TF.length()) + "(...)` in a graph program");
        }
        return refuseTf(x, "a constructor call");
    }

    // ---------------------------------------------------------------- method calls

    private Val call(MethodCallExpr x) {
        ResolvedMethodDeclaration m = null;
        try {
            m = x.resolve();
        } catch (RuntimeException | StackOverflowError e) {
            // generic varargs methods (tf.placeholder) defeat the solver: the receiver's value decides below
        }
        if (m != null && m.isStatic()) {
            return staticCall(x, m.declaringType().getQualifiedName(), m.getName());
        }
        if (m == null && x.getScope().isPresent() && x.getScope().get() instanceof NameExpr t
                && !env.containsKey(t.getNameAsString())) {
            Optional<String> type = importedType(x, t.getNameAsString());
            if (type.isPresent()) {
                return staticCall(x, type.get(), x.getNameAsString());
            }
        }
        String name = x.getNameAsString();
        Val recv = x.getScope().map(this::eval).orElse(null);
        List<Val> args = new ArrayList<>();
        for (Expression a : x.getArguments()) {
            args.add(eval(a));
        }
        if (recv instanceof Val.Scope s) {
            return scopeCall(x, s, null, name, args);
        }
        if (recv instanceof Val.Group g) {
            return scopeCall(x, g.scope(), g.group(), name, args);
        }
        if (recv instanceof Val.ListOf l) {
            return listCall(x, l, name, args);
        }
        String owner = m == null ? "?" : m.declaringType().getQualifiedName();
        if (recv instanceof Val.Tf t) {
            return OpTranslations.outputCall(this, x, t.node(), owner, name, args);
        }
        if (recv instanceof Val.Optimizer o && name.equals("minimize")) {
            return OpTranslations.minimize(this, x, o, args);
        }
        if (recv != null && isTf(recv) || args.stream().anyMatch(Interpreter::isTf)) {
            if (m != null && !owner.startsWith(TF) && m.toAst().isPresent()) {
                throw new Unsupported(x, "`" + simpleOwner(owner) + "." + name + "` builds graph nodes in user code "
                        + "(a layer class or helper method) the eager level does not inline yet",
                        "inline the helper into the graph program, or rewrite the layer as an engine Module by hand; "
                                + "until then the program stays on tfcompat");
            }
            throw new Unsupported(x, "`" + (m == null ? name : simpleOwner(owner) + "." + name)
                    + "` on TF values is not converted");
        }
        return opaque(x);
    }

    private Val staticCall(MethodCallExpr x, String owner, String name) {
        List<Val> args = new ArrayList<>();
        for (Expression a : x.getArguments()) {
            args.add(eval(a));
        }
        if (owner.equals(TF + "op.Ops") && name.equals("create")) {
            if (args.size() == 1 && args.get(0) instanceof Val.GraphV) {
                return rootScope();
            }
            throw new Unsupported(x, "Ops.create without the program's Graph (eager Ops are not converted)");
        }
        if (owner.equals(TF + "ndarray.Shape")) {
            if (name.equals("of") && args.stream().allMatch(a -> a instanceof Val.Const c && c.value() instanceof Number)) {
                return new Val.Const(new JArray("long", new long[] {args.size()},
                        args.stream().mapToDouble(a -> ((Number) ((Val.Const) a).value()).doubleValue()).toArray()), x);
            }
            if (name.equals("scalar")) {
                return new Val.Const(new JArray("long", new long[] {0}, new double[0]), x);
            }
            if (name.equals("unknown")) {
                return new Val.Const(null, x);
            }
            throw new Unsupported(x, "a Shape the analysis cannot compute: `" + oneLine(x) + "`");
        }
        if (owner.startsWith(TF + "op.") && !owner.equals(TF + "op.Ops")) {
            return new Val.Option(name, args.isEmpty() ? new Val.Const(true, null) : args.get(0));
        }
        if ((owner.equals("java.util.List") && name.equals("of")) || (owner.equals("java.util.Arrays")
                && name.equals("asList"))) {
            if (args.stream().anyMatch(Interpreter::isTf) || args.stream().allMatch(a -> a instanceof Val.Const)) {
                return new Val.ListOf(List.copyOf(args), false);
            }
            return opaque(x);
        }
        if (owner.startsWith(TF) && !owner.startsWith(TF + "ndarray")) {
            if (args.stream().anyMatch(Interpreter::isTf)) {
                throw new Unsupported(x, "`" + simpleOwner(owner) + "." + name + "` is not converted");
            }
            return opaque(x);
        }
        if (args.stream().anyMatch(Interpreter::isTf)) {
            throw new Unsupported(x, "TF values passed to `" + name + "` (graph-building helper methods are not "
                    + "converted yet)", "inline the helper into the graph program, or keep this program on tfcompat");
        }
        return opaque(x);
    }

    /** The qualified name of a type imported (single-type import) as {@code simple} in {@code at}'s file. */
    static Optional<String> importedType(Node at, String simple) {
        return at.findCompilationUnit().flatMap(cu -> cu.getImports().stream()
                .filter(i -> !i.isStatic() && !i.isAsterisk() && i.getName().getIdentifier().equals(simple))
                .map(i -> i.getNameAsString()).findFirst());
    }

    private Val scopeCall(MethodCallExpr x, Val.Scope s, String group, String name, List<Val> args) {
        if (group == null) {
            switch (name) {
                case "withName":
                    return s.withName(validName(x, string(x, args, 0)));
                case "withSubScope":
                    return s.withSubScope(validName(x, string(x, args, 0)));
                case "withControlDependencies":
                    return s.withControls(controlInputs(x, args));
                case "withDevice":
                    return s;
                default:
                    break;
            }
        }
        String owner = group == null ? "Ops" : Character.toUpperCase(group.charAt(0)) + group.substring(1) + "Ops";
        return OpTranslations.opCall(this, x, s, owner + "#" + name, args);
    }

    private List<TfNode> controlInputs(MethodCallExpr x, List<Val> args) {
        List<TfNode> deps = new ArrayList<>();
        List<Val> flat = new ArrayList<>();
        for (Val a : args) {
            if (a instanceof Val.ListOf l) {
                flat.addAll(l.items());
            } else {
                flat.add(a);
            }
        }
        for (Val v : flat) {
            if (!(v instanceof Val.Tf t)) {
                throw new Unsupported(x, "control dependencies on values the analysis does not know");
            }
            deps.add(t.node());
        }
        return deps;
    }

    private Val listCall(MethodCallExpr x, Val.ListOf l, String name, List<Val> args) {
        switch (name) {
            case "get":
                if (args.get(0) instanceof Val.Const c && c.value() instanceof Number i) {
                    return l.items().get(i.intValue());
                }
                break;
            case "size":
                return new Val.Const(l.items().size(), x);
            case "add":
                if (l.mutable() && args.size() == 1) {
                    l.items().add(args.get(0));
                    return new Val.Const(true, null);
                }
                break;
            case "addAll":
                if (l.mutable() && args.size() == 1 && args.get(0) instanceof Val.ListOf o) {
                    l.items().addAll(o.items());
                    return new Val.Const(true, null);
                }
                break;
            default:
                break;
        }
        if (isTf(l)) {
            throw new Unsupported(x, "`" + name + "` on a list of TF values is not converted");
        }
        return opaque(x);
    }

    static String string(Node at, List<Val> args, int i) {
        if (args.size() > i && args.get(i) instanceof Val.Const c && c.value() instanceof String s) {
            return s;
        }
        throw new Unsupported(at, "a name that is not a constant string");
    }

    static String simpleOwner(String qualified) {
        return qualified.startsWith(TF + "op.") ? qualified.substring(qualified.lastIndexOf('.') + 1)
                : qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    static String oneLine(Node n) {
        String s = n.toString().replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    static long[] copy(long[] a) {
        return a == null ? null : Arrays.copyOf(a, a.length);
    }

    /** TF-Java's own name check: a name it refuses at graph-build time must not run after migration. */
    private static String validName(Node at, String name) {
        if (!TF_NAME.matcher(name).matches()) {
            throw new Unsupported(at, "TF-Java refuses the name '" + name + "' (it must match " + TF_NAME.pattern()
                    + "), so the original fails when it builds the graph", "fix the name in the original first");
        }
        return name;
    }

    private static final java.util.regex.Pattern TF_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");
}
