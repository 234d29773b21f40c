package dev.ember.migrate.rules.eager;

/** A translated value: an engine expression (a {@code Tensor}) and the layout it is in. */
record Code(String expr, Layout layout) {
    static Code plain(String expr) {
        return new Code(expr, Layout.PLAIN);
    }
}
