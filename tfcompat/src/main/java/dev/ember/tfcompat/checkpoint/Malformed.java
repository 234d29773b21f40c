package dev.ember.tfcompat.checkpoint;

/**
 * Thrown by the low-level decoders when bytes do not follow the format; callers that know the file,
 * block and entry catch it and throw a {@link CheckpointException} naming them.
 */
final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
        super(message);
    }
}
