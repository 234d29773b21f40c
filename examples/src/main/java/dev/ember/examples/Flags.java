package dev.ember.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The examples' stand-in for Python's {@code argparse}: {@code --name value} (or {@code --name=value})
 * options with defaults, and {@code --switch}es. Unknown options, missing or malformed values are an
 * {@link IllegalArgumentException} that names the option and ends with the program's usage.
 */
final class Flags {
    private final String usage;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private Flags(String usage) {
        this.usage = usage;
    }

    /**
     * Parses {@code args} against {@code defaults} (option name without dashes -> default value;
     * a {@code null} default marks a switch). Returns null after printing {@code usage} for {@code --help}.
     */
    static Flags parse(String[] args, String usage, Map<String, String> defaults) {
        Flags f = new Flags(usage);
        f.defaults.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(usage);
                return null;
            }
            if (!a.startsWith("--")) {
                throw f.error("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!defaults.containsKey(name)) {
                throw f.error("unknown option --" + name);
            }
            boolean isSwitch = defaults.get(name) == null;
            if (isSwitch && value != null) {
                throw f.error("option --" + name + " takes no value, got '" + value + "'");
            }
            if (!isSwitch && value == null) {
                if (i + 1 >= args.length) {
                    throw f.error("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            f.values.put(name, isSwitch ? "true" : value);
        }
        return f;
    }

    /** Whether switch {@code name} was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of {@code name}, or its default ("" defaults mean "not set" and give null). */
    String get(String name) {
        String v = values.getOrDefault(name, defaults.get(name));
        return v == null || v.isEmpty() ? null : v;
    }

    /** An integer option, at least {@code min}. */
    int getInt(String name, int min) {
        String v = get(name);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error("option --" + name + " expects an integer, got '" + v + "'");
        }
        if (n < min) {
            throw error("option --" + name + " must be >= " + min + ", got " + n);
        }
        return n;
    }

    /** A positive number option. */
    double getDouble(String name) {
        String v = get(name);
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0)) {
                throw error("option --" + name + " must be > 0, got " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("option --" + name + " expects a number, got '" + v + "'");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + "\n" + usage);
    }
}
