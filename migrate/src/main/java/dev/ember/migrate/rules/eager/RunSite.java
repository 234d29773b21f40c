package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code session.runner()...run()} (or {@code session.run(op)}) of a graph program: what it feeds,
 * fetches and targets, where its {@code Result} goes, and, once planned, the module method it calls.
 */
final class RunSite {
    final MethodCallExpr run;
    final MethodDeclaration method;
    /** The statement holding the run: its declaration, expression statement or try-with-resources. */
    Statement statement;
    /** {@code Result r = ...} as a local or a try resource; null when the Result is used inline or dropped. */
    VariableDeclarator resultVar;
    TryStmt resourceOf;
    final List<TfNode> feeds = new ArrayList<>();
    final List<Expression> feedValues = new ArrayList<>();
    final List<TfNode> fetches = new ArrayList<>();
    final List<TfNode> targets = new ArrayList<>();

    /** Training: the loss every update differentiates, the optimizer it becomes. */
    TfNode loss;
    OptimizerSpec optimizer;
    /** The module method called (set by the planner). */
    ModuleMethod target;

    RunSite(MethodCallExpr run, MethodDeclaration method) {
        this.run = run;
        this.method = method;
    }

    boolean training() {
        return loss != null;
    }

    /** The values the module method returns: the fetches, then the loss when training without fetching it. */
    List<TfNode> outputs() {
        List<TfNode> out = new ArrayList<>(fetches);
        if (loss != null && !out.contains(loss)) {
            out.add(loss);
        }
        return out;
    }

    int line() {
        return run.getRange().map(r -> r.begin.line).orElse(0);
    }

    /** An engine optimizer created once for a training target: its Java type and constructor text. */
    record OptimizerSpec(String type, String construction, List<TfNode> params, Statement at, TfNode target) {
    }

    /** A method of the generated module: its name, inputs (in feed order) and outputs. */
    static final class ModuleMethod {
        final String name;
        final List<TfNode> inputs;
        final List<TfNode> outputs;
        final List<String> paramNames;
        String recordName;

        ModuleMethod(String name, List<TfNode> inputs, List<TfNode> outputs, List<String> paramNames) {
            this.name = name;
            this.inputs = inputs;
            this.outputs = outputs;
            this.paramNames = paramNames;
        }

        boolean same(List<TfNode> in, List<TfNode> out) {
            return inputs.equals(in) && outputs.equals(out);
        }
    }
}
