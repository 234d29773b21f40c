package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import dev.ember.migrate.rules.compat.LegacyApi;
import java.util.List;

/**
 * The eager level's main rule: each graph program (a method building a {@code Graph} and running it
 * in a {@code Session}) becomes a generated {@code Module} (variables as parameters, run sites as
 * methods, a shared {@code forward}) and direct calls with {@code zeroGrad(); backward(); step();}
 * where it trained. A program the analysis cannot convert with the same numbers is left as it was
 * (the compat level takes it) with a {@code TODO(ember-migrate)} marker and a report row.
 */
public final class ConvertGraphProgramToModule implements Rule {

    @Override
    public String id() {
        return "eager.module";
    }

    @Override
    public String summary() {
        return "graph/session programs -> a Module with methods, direct calls, backward()/step()";
    }

    @Override
    public void apply(CompilationUnit cu, RuleContext ctx) {
        List<MethodDeclaration> candidates = ProgramAnalyzer.candidates(cu);
        if (candidates.isEmpty()) {
            return;
        }
        String original = LexicalPreservingPrinter.print(cu);
        SourceEdits ed = new SourceEdits(original);
        if (LegacyApi.isLegacy(cu)) {
            legacy(cu, candidates, ed, ctx);
            return;
        }
        Imports imports = new Imports(cu);
        int found = 0;
        int converted = 0;
        ParityTests parity = new ParityTests(cu, original, candidates.get(0).findAncestor(
                com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class).map(c -> c.getNameAsString()).orElse("Main"));
        for (MethodDeclaration m : candidates) {
            int mark = ed.mark();
            Imports attempt = imports.copy();
            try {
                GraphProgram p = ProgramAnalyzer.analyze(cu, m);
                ProgramRewriter w = new ProgramRewriter(p, ed, attempt, className(p, candidates.size()));
                w.rewrite();
                imports.take(attempt);
                found += p.runSites.size();
                converted += p.runSites.size();
                ctx.finding(Severity.INFO, m, p.runSites.size() + " run site(s) of " + p.name() + " converted to "
                        + w.module().className + " (" + p.variables().size() + " parameters)", "");
                for (String info : w.infos()) {
                    ctx.finding(Severity.INFO, m, info, "");
                }
                if (ctx.parityTests()) {
                    parity.add(p, w.module());
                }
            } catch (Unsupported u) {
                ed.rollback(mark);
                found += ProgramAnalyzer.countRunCalls(m);
                todo(ed, u.at == null ? m : u.at, u.getMessage(), u.hint, ctx);
            }
        }
        ctx.report().runSites(ctx.report().runSites() + found, ctx.report().runSitesConverted() + converted);
        for (String why : parity.skipped()) {
            ctx.finding(Severity.INFO, cu, why, "compare this program with the original by hand, or feed it through "
                    + "dev.ember.parity.Parity yourself");
        }
        if (!parity.isEmpty()) {
            String pkg = cu.getPackageDeclaration().map(d -> d.getNameAsString()).orElse("");
            ctx.generateTest(pkg, parity.owner() + "Original", parity.originalSource());
            ctx.generateTest(pkg, parity.owner() + "ParityTest", parity.testSource());
        }
        if (!ed.isEmpty()) {
            ctx.replaceSource(converted > 0 ? Tidy.blankLines(original, imports.fix(ed.apply())) : ed.apply());
        }
    }

    /** TF 1.x API programs (opBuilder graphs) stay on tfcompat.legacy: one TODO per program, their run sites counted. */
    private static void legacy(CompilationUnit cu, List<MethodDeclaration> candidates, SourceEdits ed, RuleContext ctx) {
        int runs = 0;
        for (MethodDeclaration m : candidates) {
            runs += (int) m.findAll(com.github.javaparser.ast.expr.MethodCallExpr.class, c -> c.getNameAsString()
                    .equals("run") && c.getScope().map(sc -> sc.toString().contains("runner()")).orElse(false)).size();
            Node at = m.findFirst(com.github.javaparser.ast.expr.ObjectCreationExpr.class,
                    o -> o.getType().getNameAsString().equals("Graph")).map(o -> (Node) o).orElse(m);
            todo(ed, at, "TF 1.x Java API (opBuilder graphs with string op types and attributes) is not converted to "
                    + "eager code; the program runs unchanged on tfcompat.legacy",
                    "rewrite the graph with the Ops API (or directly as engine code) to get eager code", ctx);
        }
        ctx.report().runSites(ctx.report().runSites() + runs, ctx.report().runSitesConverted());
        ctx.replaceSource(ed.apply());
    }

    private static String className(GraphProgram p, int programs) {
        String base = p.owner.getNameAsString() + (programs > 1 ? capitalize(p.method.getNameAsString()) : "") + "Model";
        String name = base;
        for (int i = 2; taken(p.cu, name); i++) {
            name = base + i;
        }
        return name;
    }

    private static boolean taken(CompilationUnit cu, String name) {
        return !cu.findAll(com.github.javaparser.ast.body.TypeDeclaration.class, t -> t.getNameAsString().equals(name))
                .isEmpty();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A {@code // TODO(ember-migrate): reason} line above the statement (once) and a TODO finding. */
    static void todo(SourceEdits ed, Node at, String reason, String hint, RuleContext ctx) {
        Node target = at;
        while (target != null && !(target instanceof Statement && !(target instanceof BlockStmt))
                && !(target instanceof BodyDeclaration)) {
            target = target.getParentNode().orElse(null);
        }
        if (target == null) {
            target = at;
        }
        int start = ed.lineStart(ed.beginWithComment(target));
        String before = start == 0 ? "" : ed.text.substring(ed.lineStart(start - 1), start);
        boolean present = before.contains(RuleContext.TODO_PREFIX) || target.getComment()
                .map(c -> c.getContent().contains(RuleContext.TODO_PREFIX)).orElse(false);
        if (!present) {
            ed.insert(start, ed.indentOf(target) + "// " + RuleContext.TODO_PREFIX + reason.replace('\n', ' ') + "\n");
        }
        ctx.finding(Severity.TODO, at, reason, hint);
    }
}
