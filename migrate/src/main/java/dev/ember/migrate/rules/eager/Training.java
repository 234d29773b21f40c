package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Training targets: a run target that is (a control-dependency group of) {@code applyGradientDescent(var,
 * lr, tf.gradients(loss, vars).dy(i))} for variables, or a framework optimizer's {@code minimize(loss)},
 * becomes an engine optimizer with the same update formula ({@code zeroGrad(); loss.backward(); step();}).
 * Optimizers whose formulas differ from PyTorch's are refused, with the reason.
 */
final class Training {
    private Training() {
    }

    static void analyze(GraphProgram p) {
        List<RunSite.OptimizerSpec> specs = new ArrayList<>();
        for (RunSite rs : p.runSites) {
            if (rs.targets.isEmpty()) {
                continue;
            }
            Set<TfNode> updates = new LinkedHashSet<>();
            for (TfNode t : rs.targets) {
                expand(t, updates);
            }
            RunSite.OptimizerSpec spec = updates.stream().anyMatch(u -> u.op.equals("minimize"))
                    ? minimize(p, rs, updates) : manual(p, rs, updates);
            for (RunSite.OptimizerSpec s : specs) {
                if (s.target() == spec.target()) {
                    spec = s;
                }
            }
            if (!specs.contains(spec)) {
                specs.add(spec);
            }
            rs.optimizer = spec;
            for (TfNode f : rs.fetches) {
                if (f.op.equals("variable")) {
                    throw new Unsupported(rs.run, "fetching variable `" + f.label() + "` in the run that updates it (TF "
                            + "does not define whether the value is before or after the update)");
                }
            }
        }
    }

    private static void expand(TfNode t, Set<TfNode> out) {
        if (t.op.equals("noOp")) {
            for (TfNode d : t.controlDeps) {
                expand(d, out);
            }
        } else {
            out.add(t);
        }
    }

    private static RunSite.OptimizerSpec manual(GraphProgram p, RunSite rs, Set<TfNode> updates) {
        TfNode loss = null;
        String lr = null;
        List<TfNode> params = new ArrayList<>();
        for (TfNode u : updates) {
            if (!u.op.equals("applyGradientDescent")) {
                throw new Unsupported(u.source, "run target `" + u.label() + "` (" + u.op + ") is not an update the "
                        + "eager level converts (applyGradientDescent, optimizer.minimize)");
            }
            TfNode var = u.input(0);
            TfNode alpha = u.input(1);
            TfNode delta = u.input(2);
            if (!delta.op.equals("dy")) {
                throw new Unsupported(u.source, "applyGradientDescent with a delta that is not a tf.gradients output");
            }
            TfNode grads = delta.input(0);
            int i = (Integer) delta.attr("index");
            if (grads.input(1 + i) != var) {
                throw new Unsupported(u.source, "applyGradientDescent of `" + var.label() + "` with the gradient of "
                        + "another variable");
            }
            if (loss != null && grads.input(0) != loss) {
                throw new Unsupported(u.source, "updates in one train target differentiate different losses");
            }
            loss = grads.input(0);
            String a = learningRate(alpha, u);
            if (lr != null && !lr.equals(a)) {
                throw new Unsupported(u.source, "updates in one train target use different learning rates");
            }
            lr = a;
            params.add(var);
        }
        rs.loss = loss;
        TfNode target = rs.targets.get(rs.targets.size() - 1);
        return new RunSite.OptimizerSpec("dev.ember.engine.optim.SGD", "new SGD({params}, " + lr + ")", params,
                target.statement, target);
    }

    private static String learningRate(TfNode alpha, TfNode at) {
        if (!alpha.op.equals("const") || alpha.rank() != 0) {
            throw new Unsupported(at.source, "a learning rate that is not a scalar constant (e.g. fed per step) is "
                    + "not converted yet");
        }
        return Src.of((Expression) alpha.attr("expr"));
    }

    private static RunSite.OptimizerSpec minimize(GraphProgram p, RunSite rs, Set<TfNode> updates) {
        if (updates.size() != 1) {
            throw new Unsupported(rs.run, "a train target grouping minimize with other updates");
        }
        TfNode m = updates.iterator().next();
        Val.Optimizer o = (Val.Optimizer) m.attr("optimizer");
        rs.loss = m.input(0);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < o.args().size(); i++) {
            args.add(Src.of(((com.github.javaparser.ast.expr.ObjectCreationExpr) o.source()).getArgument(i)));
        }
        if (!args.isEmpty() && o.args().get(1) instanceof Val.Const c && c.value() instanceof String) {
            args.remove(0);   // the optimizer's name: TF slot names only
        }
        String construction;
        switch (o.kind()) {
            case "GradientDescent":
                construction = "new SGD({params}, " + (args.isEmpty() ? "0.01f" : args.get(0)) + ")";
                break;
            case "Momentum":
                construction = "new SGD({params}, " + (args.isEmpty() ? "0.01f" : args.get(0)) + ")"
                        + (args.size() > 1 ? ".momentum(" + args.get(1) + ")" : "")
                        + (args.size() > 2 ? ".nesterov(" + args.get(2) + ")" : "");
                break;
            case "Adam":
            case "Adamax":
            case "Nadam":
                // TF: lr*sqrt(1-b2^t)/(1-b1^t) * m/(sqrt(v)+eps); PyTorch: lr/(1-b1^t) * m/(sqrt(v)/sqrt(1-b2^t)+eps)
                throw new Unsupported(m.source, "TF's " + o.kind() + " adds epsilon to sqrt(v) before the bias "
                        + "correction (epsilon-hat), PyTorch's Adam after it: the engine's Adam matches only with "
                        + "eps(t) = eps / sqrt(1 - beta2^t), changed every step (31.6x eps at step 1), which it has no "
                        + "option for; the updates differ by O(epsilon) where gradients are small",
                        "keep tfcompat for this program, or switch to the engine's Adam knowingly (or set its param "
                                + "group's eps to eps / sqrt(1 - beta2^t) before each step to match TF exactly)");
            case "RMSProp":
                throw new Unsupported(m.source, "TF's RMSProp starts its mean square at 1 and puts epsilon inside the "
                        + "square root; PyTorch's RMSprop starts at 0 with epsilon outside: the updates differ");
            case "AdaGrad":
            case "AdaGradDA":
                throw new Unsupported(m.source, "TF's " + o.kind() + " starts its accumulator at 0.1 and has no "
                        + "epsilon; PyTorch's Adagrad starts at 0 and adds epsilon: the updates differ");
            default:
                throw new Unsupported(m.source, "optimizer " + o.kind() + " is not converted");
        }
        return new RunSite.OptimizerSpec("dev.ember.engine.optim.SGD", construction, p.variables(), m.statement, m);
    }
}
