package dev.ember.migrate.rules.eager;

import com.github.javaparser.ast.Node;

/**
 * Thrown by the analysis when a graph program uses something the eager level cannot convert with the
 * same numbers: the program then stays at the compat level, with a TODO on {@code at}.
 */
final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Node at;
    final String hint;

    Unsupported(Node at, String reason) {
        this(at, reason, "convert it by hand, or keep this program on tfcompat");
    }

    Unsupported(Node at, String reason, String hint) {
        super(reason, null, false, false);
        this.at = at;
        this.hint = hint;
    }
}
