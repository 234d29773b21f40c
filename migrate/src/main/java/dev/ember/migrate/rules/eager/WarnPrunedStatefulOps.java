package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import java.util.Set;

/**
 * The hazard no converter reports: a stateful op (a variable update, an optimizer step) that is
 * created but neither fetched, targeted nor a control dependency of something run never ran in TF1;
 * eager code would run it. This rule reports each one (WARNING); the eager conversion leaves it out.
 */
public final class WarnPrunedStatefulOps implements Rule {

    @Override
    public String id() {
        return "eager.pruned-stateful";
    }

    @Override
    public String summary() {
        return "warns about stateful ops TF1 never ran (not fetched, targeted or a control dependency)";
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
                if (n.isStateful() && !run.contains(n)) {
                    ctx.finding(Severity.WARNING, n.source, "`" + n.label() + "` (" + n.op + ") is never run by the "
                            + "session: TF1 prunes it, eager code would run it; the eager conversion leaves it out",
                            "if it was meant to run, add it as a target (or delete it)");
                }
            }
        }
    }
}
