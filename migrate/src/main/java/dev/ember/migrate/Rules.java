package dev.ember.migrate;

import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.compat.ReplaceLegacyTensorFlowImports;
import dev.ember.migrate.rules.compat.ReplaceTensorFlowImports;
import dev.ember.migrate.rules.eager.ConvertGraphProgramToModule;
import dev.ember.migrate.rules.eager.ReportSavedModelRunSites;
import dev.ember.migrate.rules.eager.WarnPrunedStatefulOps;
import dev.ember.migrate.rules.eager.WarnUngatedVariableUpdates;
import java.util.ArrayList;
import java.util.List;

/** The rules of each level, in the order they run. */
public final class Rules {
    private Rules() {
    }

    /**
     * The ordered rules for {@code level}: the eager rules first (they need TF-Java's types resolved),
     * then {@code compat.legacy-imports} (TF 1.x API files) and {@code compat.imports} on whatever TF-Java
     * code is left.
     */
    public static List<Rule> forLevel(Level level) {
        List<Rule> rules = new ArrayList<>();
        if (level == Level.EAGER) {
            rules.add(new WarnPrunedStatefulOps());
            rules.add(new WarnUngatedVariableUpdates());
            rules.add(new ConvertGraphProgramToModule());
            rules.add(new ReportSavedModelRunSites());
        }
        rules.add(new ReplaceLegacyTensorFlowImports());
        rules.add(new ReplaceTensorFlowImports());
        return rules;
    }
}
