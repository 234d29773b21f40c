package dev.ember.tfcompat.exceptions;

/** A missing operation, file or entry; mirrors {@code TFNotFoundException}. */
public class TFNotFoundException extends TensorFlowException {
    private static final long serialVersionUID = 1L;

    public TFNotFoundException(String message) {
        super(message);
    }

    public TFNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
