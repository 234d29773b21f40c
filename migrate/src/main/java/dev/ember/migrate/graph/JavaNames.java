package dev.ember.migrate.graph;

import java.util.HashSet;
import java.util.Set;

/** TF node names to Java identifiers ({@code dense_1/Relu} to {@code dense1Relu}), unique within one class. */
final class JavaNames {
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield",
            // names the generated class itself uses
            "Tensor", "Functional", "Output", "forward", "forwardAll", "load");
    private final Set<String> taken = new HashSet<>();

    /** {@code raw} as a lowerCamel identifier: parts split at non-alphanumerics, a leading digit prefixed. */
    static String identifier(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String part : raw.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(Character.toLowerCase(part.charAt(0))).append(part, 1, part.length());
            } else {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        if (sb.length() == 0) {
            sb.append("t");
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 't');
        }
        return sb.toString();
    }

    /** A fresh identifier based on {@code raw}: {@code base}, then {@code base2}, {@code base3}, ... */
    String fresh(String raw) {
        String base = identifier(raw);
        String name = base;
        for (int i = 2; RESERVED.contains(name) || taken.contains(name); i++) {
            name = base + (Character.isDigit(base.charAt(base.length() - 1)) ? "_" : "") + i;
        }
        taken.add(name);
        return name;
    }

    /** Reserves {@code name} exactly; false when it is a keyword or already taken. */
    boolean reserve(String name) {
        return !RESERVED.contains(name) && taken.add(name);
    }
}
