package dev.ember.tfcompat.op;

import dev.ember.tfcompat.ExecutionEnvironment;
import dev.ember.tfcompat.Graph;
import dev.ember.tfcompat.GraphOperation;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Op and sub-scope names exactly as TF-Java makes them (string-named feeds and fetches depend on it):
 * each scope counts the names it handed out ({@code Add}, {@code Add_1}, ...); {@code withName} and
 * control-dependency scopes share their parent's counters; each {@code withSubScope} call makes its
 * own name unique in the parent ({@code conv1}, then {@code conv1_1}) and starts fresh counters.
 */
final class NameScope {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");
    private static final Pattern NUMBERED = Pattern.compile("(.+)_(\\d+)");

    private final String prefix;
    private final String opName;
    private final Map<String, Integer> counters;

    NameScope() {
        this(null, null, new HashMap<>());
    }

    private NameScope(String prefix, String opName, Map<String, Integer> counters) {
        this.prefix = prefix;
        this.opName = opName;
        this.counters = counters;
    }

    /** The root scope of an environment, counting the names already used at its root level. */
    static NameScope rootOf(ExecutionEnvironment env) {
        NameScope s = new NameScope();
        if (env instanceof Graph) {
            for (Iterator<GraphOperation> it = ((Graph) env).operations(); it.hasNext();) {
                String n = it.next().name();
                if (n.contains("/")) {
                    continue;
                }
                Matcher m = NUMBERED.matcher(n);
                if (m.matches()) {
                    int next = Integer.parseInt(m.group(2)) + 1;
                    s.counters.merge(m.group(1), next, Math::max);
                } else {
                    s.counters.merge(n, 1, (a, b) -> a + 1);
                }
            }
        }
        return s;
    }

    NameScope withSubScope(String name) {
        check(name);
        String actual = opName != null ? opName : name;
        return new NameScope(qualify(unique(actual)), null, new HashMap<>());
    }

    NameScope withName(String name) {
        check(name);
        return new NameScope(prefix, name, counters);
    }

    String makeOpName(String defaultName) {
        check(defaultName);
        return qualify(unique(opName != null ? opName : defaultName));
    }

    /** {@code id} the first time, then {@code id_1}, {@code id_2}, ... */
    String unique(String id) {
        Integer seen = counters.get(id);
        if (seen == null) {
            counters.put(id, 1);
            return id;
        }
        counters.put(id, seen + 1);
        return id + "_" + seen;
    }

    private String qualify(String name) {
        return prefix == null ? name : prefix + "/" + name;
    }

    static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid name: '" + name + "' (use letters, digits, '.', '_', '-'; "
                    + "'/' is not allowed: use withSubScope for prefixes)");
        }
    }
}
