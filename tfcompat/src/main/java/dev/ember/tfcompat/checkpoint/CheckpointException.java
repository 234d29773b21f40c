package dev.ember.tfcompat.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint that cannot be read or written as asked: missing or truncated file, bad magic, CRC
 * mismatch, unsupported feature. The message names the file and, where one is involved, the entry;
 * both are also available as data.
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String entry;

    /** An error about {@code file} (may be null) and {@code entry} (may be null). */
    public CheckpointException(String message, Path file, String entry, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.entry = entry;
    }

    public CheckpointException(String message, Path file, String entry) {
        this(message, file, entry, null);
    }

    /** The file the error is about, or {@code null}. */
    public Path file() {
        return file;
    }

    /** The entry (tensor name) the error is about, or {@code null}. */
    public String entry() {
        return entry;
    }
}
