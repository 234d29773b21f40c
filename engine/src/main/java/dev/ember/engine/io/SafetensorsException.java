package dev.ember.engine.io;

import java.io.IOException;

/**
 * A safetensors file that cannot be read or written as the format requires; the message names
 * the file and, where there is one, the entry. The counterpart of the {@code SafetensorError}
 * the {@code safetensors} Python package raises.
 */
public class SafetensorsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An error with its full message. */
    public SafetensorsException(String message) {
        super(message);
    }

    /** An error caused by {@code cause}. */
    public SafetensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
