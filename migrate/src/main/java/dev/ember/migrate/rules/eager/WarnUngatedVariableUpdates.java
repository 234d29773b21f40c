package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The TF1 ref-variable race: a variable update ({@code applyGradientDescent}, or the per-variable
 * updates of a framework optimizer's {@code minimize}) that is not control-dependent on all the
 * gradients may run while the backward pass of another variable still reads the variable it writes
 * (e.g. layer 1's gradient reads layer 2's weights through a {@code matMul}). TF1 then does not compute
 * exact SGD, and the result changes from run to run; the eager conversion computes every gradient
 * first and then steps. Each such update is reported (WARNING) so a user comparing numbers knows why.
 */
public final class WarnUngatedVariableUpdates implements Rule {
    /** Ops whose gradient with respect to one input reads the value of another input. */
    private static final Set<String> READS_OTHER_OPERAND = Set.of("mul", "matMul", "div", "conv2d",
            "squaredDifference", "pow", "maximum", "minimum");

    @Override
    public String id() {
        return "eager.ungated-updates";
    }

    @Override
    public String summary() {
        return "warns about variable updates not gated on all gradients (TF1's ref variables race: not exact SGD)";
    }

    @Override
    public void apply(CompilationUnit cu, RuleContext ctx) {
        for (MethodDeclaration m : ProgramAnalyzer.candidates(cu)) {
            GraphProgram p;
            try {
                p = ProgramAnalyzer.analyze(cu, m);
            } catch (Unsupported u) {
                continue;   // the conversion rule reports why
            }
            Set<TfNode> run = p.reachable();
            for (TfNode n : p.interpreter.nodes) {
                if (run.contains(n) && n.op.equals("applyGradientDescent")) {
                    manualUpdate(n, ctx);
                } else if (run.contains(n) && n.op.equals("minimize")) {
                    minimize(p, n, ctx);
                }
            }
        }
    }

    /** {@code applyGradientDescent(var, lr, grads.dy(i))}: gated when it waits for every {@code dy} of {@code grads}. */
    private static void manualUpdate(TfNode update, RuleContext ctx) {
        TfNode var = update.input(0);
        TfNode delta = update.input(2);
        if (!delta.op.equals("dy")) {
            return;
        }
        TfNode grads = delta.input(0);
        TfNode loss = grads.input(0);
        List<TfNode> wrt = grads.inputs.subList(1, grads.inputs.size());
        if (waitsForAllGradients(update, grads)) {
            return;
        }
        for (TfNode other : wrt) {
            TfNode reader = readerOf(var, other, loss);
            if (other != var && reader != null) {
                ctx.finding(Severity.WARNING, update.source, message("`" + update.label() + "` (applyGradientDescent "
                        + "of `" + var.label() + "`) does not wait for all gradients", var, other, reader), hint());
                return;
            }
        }
    }

    /** Framework optimizers differentiate with respect to every variable and apply each update as soon as its gradient is ready. */
    private static void minimize(GraphProgram p, TfNode minimize, RuleContext ctx) {
        TfNode loss = minimize.input(0);
        List<TfNode> vars = p.variables();
        for (TfNode var : vars) {
            for (TfNode other : vars) {
                TfNode reader = readerOf(var, other, loss);
                if (other != var && reader != null) {
                    Val.Optimizer o = (Val.Optimizer) minimize.attr("optimizer");
                    ctx.finding(Severity.WARNING, minimize.source, message("`" + o.kind() + ".minimize` applies each "
                            + "variable's update as soon as its own gradient is ready (TF-Java's optimizers do not gate "
                            + "updates on all gradients)", var, other, reader), hint());
                    return;
                }
            }
        }
    }

    private static String message(String what, TfNode var, TfNode other, TfNode reader) {
        return what + ": with TF1's ref variables the update of `" + var.label() + "` can land while the backward pass "
                + "of `" + other.label() + "` still reads `" + var.label() + "` (through " + reader.op + "), so TF "
                + "does not do exact SGD and its numbers vary from run to run; the eager code computes all gradients "
                + "first, then steps (exact SGD), so trained values can differ from the original's";
    }

    private static String hint() {
        return "to compare numbers with the original, gate its updates on all gradients (create them under "
                + "tf.withControlDependencies(every grads.dy(i))); the generated parity tests compare the loss and "
                + "gradients before any update, so they are not affected";
    }

    /** True when {@code update} depends (through inputs or control dependencies) on every gradient output of {@code grads}. */
    private static boolean waitsForAllGradients(TfNode update, TfNode grads) {
        Set<Integer> seen = new LinkedHashSet<>();
        List<TfNode> stack = new ArrayList<>(update.controlDeps);
        Set<TfNode> visited = new LinkedHashSet<>();
        while (!stack.isEmpty()) {
            TfNode n = stack.remove(stack.size() - 1);
            if (!visited.add(n)) {
                continue;
            }
            if (n == grads) {
                return true;   // a control dependency on the Gradients op itself: all of its outputs
            }
            if (n.op.equals("dy") && n.input(0) == grads) {
                seen.add((Integer) n.attr("index"));
                continue;
            }
            stack.addAll(n.inputs);
            stack.addAll(n.controlDeps);
        }
        return seen.size() == grads.inputs.size() - 1;
    }

    /**
     * A node on the way from {@code other} to {@code loss} whose gradient for {@code other}'s side reads
     * {@code var} directly (e.g. {@code matMul(h, var)} with {@code h} computed from {@code other}), or null.
     */
    private static TfNode readerOf(TfNode var, TfNode other, TfNode loss) {
        for (TfNode n : ancestors(loss)) {
            if (!READS_OTHER_OPERAND.contains(n.op)) {
                continue;
            }
            for (int i = 0; i < n.inputs.size(); i++) {
                if (unwrap(n.input(i)) != var) {
                    continue;
                }
                for (int j = 0; j < n.inputs.size(); j++) {
                    if (j != i && ancestors(n.input(j)).contains(other)) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    private static TfNode unwrap(TfNode n) {
        TfNode c = n;
        while (c.op.equals("identity") && !c.inputs.isEmpty()) {
            c = c.input(0);
        }
        return c;
    }

    private static Set<TfNode> ancestors(TfNode root) {
        Set<TfNode> seen = new LinkedHashSet<>();
        List<TfNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            TfNode n = stack.remove(stack.size() - 1);
            if (seen.add(n)) {
                stack.addAll(n.inputs);
            }
        }
        return seen;
    }
}
