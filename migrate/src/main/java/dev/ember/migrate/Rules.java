package dev.ember.migrate;

import dev.ember.migrate.rules.Rule;
import dev.ember.migrate.rules.compat.ReplaceTensorFlowImports;
import java.util.ArrayList;
import java.util.List;

/** The rules of each level, in the order they run. */
public final class Rules {
    private Rules() {
    }

    /** The ordered rules for {@code level}. */
    public static List<Rule> forLevel(Level level) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new ReplaceTensorFlowImports());
        return rules;
    }
}
