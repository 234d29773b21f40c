package dev.ember.tfcompat.exceptions;

/** A bad argument: missing or ill-shaped feed, bad attribute; mirrors {@code TFInvalidArgumentException}. */
public class TFInvalidArgumentException extends TensorFlowException {
    private static final long serialVersionUID = 1L;

    public TFInvalidArgumentException(String message) {
        super(message);
    }

    public TFInvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
