package dev.ember.migrate.graph;

/** A graph that {@code convert-graph} cannot convert, or an input it cannot read; the message names what and where. */
public final class ConvertException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConvertException(String message) {
        super(message);
    }

    public ConvertException(String message, Throwable cause) {
        super(message, cause);
    }
}
