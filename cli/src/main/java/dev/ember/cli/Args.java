package dev.ember.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line arguments: positionals, {@code --flag} switches and {@code --name value}
 * options ({@code --name=value} too). Unknown options are an error naming them.
 */
public final class Args {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private Args() {
    }

    /** Parses {@code argv}; {@code valued} names options that take a value, {@code switches} those that do not. */
    public static Args parse(String[] argv, Set<String> valued, Set<String> switches) {
        return parse(argv, valued, switches, false);
    }

    /**
     * As {@link #parse(String[], Set, Set)}; with {@code stopAtPositional}, the first positional
     * argument and everything after it are positionals, unparsed (a sub-program's own arguments).
     */
    public static Args parse(String[] argv, Set<String> valued, Set<String> switches, boolean stopAtPositional) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (stopAtPositional && !a.positionals.isEmpty()) {
                a.positionals.add(s);
                continue;
            }
            if (s.equals("--")) {
                for (int k = i + 1; k < argv.length; k++) {
                    a.positionals.add(argv[k]);
                }
                break;
            }
            if (!s.startsWith("--") || s.length() == 2) {
                a.positionals.add(s);
                continue;
            }
            String name = s.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = argv[++i];
                }
                a.options.put(name, value);
            } else if (switches.contains(name) || name.equals("help")) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value, got '" + value + "'");
                }
                a.options.put(name, "true");
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return a;
    }

    public List<String> positionals() {
        return positionals;
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** An integer option; a non-integer value is a usage error naming the option and the value. */
    public int getInt(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " expects an integer, got '" + v + "'");
        }
    }

    /** A usage error: printed with the command's usage, exit code 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }
}
