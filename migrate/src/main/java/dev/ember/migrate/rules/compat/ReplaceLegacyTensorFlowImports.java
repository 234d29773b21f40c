package dev.ember.migrate.rules.compat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import dev.ember.migrate.report.Severity;
import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compat level for the TensorFlow 1.x Java API (libtensorflow 1.15): a file written against it
 * (see {@link LegacyApi}) gets its {@code org.tensorflow} imports pointed at
 * {@code dev.ember.tfcompat.legacy}, which mirrors that API over the engine (string-named
 * {@code opBuilder} graphs, {@code Tensors.create}, string feeds and fetches run unchanged). Done only
 * when every imported class exists there; otherwise each missing one is an UNSUPPORTED finding.
 */
public final class ReplaceLegacyTensorFlowImports implements Rule {

    @Override
    public String id() {
        return "compat.legacy-imports";
    }

    @Override
    public String summary() {
        return "TF 1.x (libtensorflow 1.15) API imports -> dev.ember.tfcompat.legacy";
    }

    @Override
    public void apply(CompilationUnit cu, RuleContext ctx) {
        if (!LegacyApi.isLegacy(cu)) {
            return;
        }
        List<ImportDeclaration> imports = new ArrayList<>();
        Map<String, Node> missing = new LinkedHashMap<>();
        for (ImportDeclaration i : cu.getImports()) {
            String n = i.getNameAsString();
            if (i.isStatic() || !TfCompatMapping.isMapped(n + (i.isAsterisk() ? "." : ""))) {
                continue;
            }
            if (!i.isAsterisk() && LegacyApi.legacyClass(n).isEmpty()) {
                missing.put(n, i);
            }
            imports.add(i);
        }
        if (!missing.isEmpty()) {
            missing.forEach((n, at) -> ctx.finding(Severity.UNSUPPORTED, at, "tfcompat.legacy has no " + n
                    + "; this TF 1.x file keeps org.tensorflow", "the class is not in dev.ember.tfcompat.legacy yet"));
            return;
        }
        for (ImportDeclaration i : imports) {
            String n = LegacyApi.legacyName(i.getNameAsString() + ".");
            i.setName(n.substring(0, n.length() - 1));
        }
        ctx.finding(Severity.INFO, imports.get(0), "TF 1.x Java API: " + imports.size() + " import(s) now point to "
                + "dev.ember.tfcompat.legacy (libtensorflow 1.15's API running on the engine)",
                "the symbol solver knows TF-Java 1.1 only, so the members this file calls were not checked one by one; "
                        + "compile the output to confirm");
    }
}
