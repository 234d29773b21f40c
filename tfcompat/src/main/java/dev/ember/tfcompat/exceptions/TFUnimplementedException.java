package dev.ember.tfcompat.exceptions;

/** An op type or attribute value tfcompat does not implement; mirrors {@code TFUnimplementedException}. */
public class TFUnimplementedException extends TensorFlowException {
    private static final long serialVersionUID = 1L;

    public TFUnimplementedException(String message) {
        super(message);
    }

    public TFUnimplementedException(String message, Throwable cause) {
        super(message, cause);
    }
}
