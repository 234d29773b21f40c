package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Graphs that are not in the source: a {@code SavedModelBundle.load(dir, tags)} (a model exported from
 * Python, driven by op-name strings) has no graph-building code to convert. Its run sites stay
 * string-named {@code Session} runs, which the compat level points at tfcompat's
 * {@code SavedModelBundle} (the engine executes the saved graph). This rule leaves a TODO at the load
 * naming the model directory and the {@code ember convert-graph} command that turns it into an engine
 * {@code Module}, and reports each run site (counted, not converted).
 */
public final class ReportSavedModelRunSites implements Rule {
    private static final String BUNDLE = "org.tensorflow.SavedModelBundle";

    @Override
    public String id() {
        return "eager.saved-model";
    }

    @Override
    public String summary() {
        return "SavedModel run sites: stay on tfcompat's SavedModelBundle, with a pointer to ember convert-graph";
    }

    @Override
    public void apply(CompilationUnit cu, RuleContext ctx) {
        List<MethodCallExpr> loads = cu.findAll(MethodCallExpr.class, c -> Set.of("load", "loader").contains(
                c.getNameAsString()) && !c.getArguments().isEmpty()
                && ProgramAnalyzer.declaringType(c).equals(BUNDLE));
        if (loads.isEmpty()) {
            return;
        }
        List<String> dirs = new ArrayList<>();
        for (MethodCallExpr load : loads) {
            Expression arg = load.getArgument(0);
            String dir = constant(arg);
            String named = dir == null ? "`" + arg + "` (a directory known at run time)"
                    : "`" + dir + "`" + (arg instanceof StringLiteralExpr ? "" : " (`" + arg + "`)");
            dirs.add(named);
            ctx.todo(load, "the graph comes from the SavedModel at " + named + ", not from this source: its run sites "
                    + "run on tfcompat's SavedModelBundle (the engine executes the saved graph); `ember convert-graph "
                    + (dir == null ? "<saved-model-dir>" : dir) + " --out <dir>` generates an engine Module and its "
                    + "weights to call instead",
                    "run ember convert-graph on the model directory, then replace the string-named runs by calls of "
                            + "the generated module");
        }
        int sites = 0;
        String where = String.join(", ", dirs);
        for (MethodCallExpr run : cu.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("run"))) {
            String owner = ProgramAnalyzer.declaringType(run);
            boolean inGraphProgram = run.findAncestor(MethodDeclaration.class).map(m -> !m.findAll(
                    ObjectCreationExpr.class, o -> ProgramAnalyzer.isType(o, "org.tensorflow.Graph")).isEmpty())
                    .orElse(false);
            if ((owner.equals("org.tensorflow.Session.Runner") || owner.equals("org.tensorflow.Session"))
                    && !inGraphProgram) {
                sites++;
                ctx.finding(Severity.INFO, run, "run site on the SavedModel at " + where + ": stays a string-named "
                        + "Session run, on tfcompat's SavedModelBundle", "see the TODO at the load; `ember "
                        + "convert-graph` turns the saved graph into engine code");
            }
        }
        ctx.report().runSites(ctx.report().runSites() + sites, ctx.report().runSitesConverted());
    }

    /** The model directory when it is a compile-time constant (a literal or a static final field), else null. */
    private static String constant(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        try {
            Val v = new Interpreter(Set.of()).eval(e);
            if (v instanceof Val.Const c && c.value() instanceof String s) {
                return s;
            }
        } catch (RuntimeException ex) {
            // not a constant
        }
        return null;
    }
}
