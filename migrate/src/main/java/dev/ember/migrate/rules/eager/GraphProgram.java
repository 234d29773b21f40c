package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the analysis found in one graph program: its dataflow graph, statements, run sites and helpers. */
final class GraphProgram {
    final CompilationUnit cu;
    final ClassOrInterfaceDeclaration owner;
    final MethodDeclaration method;
    final Interpreter interpreter;

    /** Top-level graph-building statements (removed from the output). */
    final List<Statement> graphStatements = new ArrayList<>();
    /** Statements that only existed for the session ({@code initialize()}, {@code close()}). */
    final List<Statement> sessionStatements = new ArrayList<>();
    /** Try-with-resources resources that go away (graph, session) and the tries they belong to. */
    final Set<Expression> droppedResources = new LinkedHashSet<>();
    final List<TryStmt> tries = new ArrayList<>();
    final List<RunSite> runSites = new ArrayList<>();
    /** Feed tensors declared as locals or resources. */
    final List<VariableDeclarator> feedVars = new ArrayList<>();

    /** The feed tensor declaration a name in {@code at} refers to, or null. */
    VariableDeclarator feedVar(com.github.javaparser.ast.expr.NameExpr at) {
        for (VariableDeclarator v : feedVars) {
            if (v.getNameAsString().equals(at.getNameAsString()) && at.findAncestor(MethodDeclaration.class)
                    .equals(v.findAncestor(MethodDeclaration.class))) {
                return v;
            }
        }
        return null;
    }
    /** {@code session.save(prefix)} calls. */
    final List<MethodCallExpr> saves = new ArrayList<>();
    /** Calls passing the session to a helper method of the class, and those helpers (with the parameter index). */
    final List<MethodCallExpr> helperCalls = new ArrayList<>();
    final Map<MethodDeclaration, Integer> helpers = new LinkedHashMap<>();
    /** The first and last statements creating variables, and the Java statements between them. */
    Statement firstVariable;
    Statement lastVariable;
    final List<Statement> javaBetweenVariables = new ArrayList<>();
    /** Names of the program's Session locals/parameters (per method). */
    final Set<String> sessionNames = new LinkedHashSet<>();

    GraphProgram(CompilationUnit cu, ClassOrInterfaceDeclaration owner, MethodDeclaration method, Interpreter interpreter) {
        this.cu = cu;
        this.owner = owner;
        this.method = method;
        this.interpreter = interpreter;
    }

    List<TfNode> variables() {
        List<TfNode> v = new ArrayList<>();
        for (TfNode n : interpreter.nodes) {
            if (n.op.equals("variable")) {
                v.add(n);
            }
        }
        return v;
    }

    /** Nodes that any run site runs: fetches and targets with their inputs and control dependencies. */
    Set<TfNode> reachable() {
        Set<TfNode> seen = new LinkedHashSet<>();
        List<TfNode> stack = new ArrayList<>();
        for (RunSite r : runSites) {
            stack.addAll(r.fetches);
            stack.addAll(r.targets);
        }
        while (!stack.isEmpty()) {
            TfNode n = stack.remove(stack.size() - 1);
            if (seen.add(n)) {
                stack.addAll(n.inputs);
                stack.addAll(n.controlDeps);
            }
        }
        return seen;
    }

    String name() {
        return owner.getNameAsString() + "." + method.getNameAsString();
    }
}
