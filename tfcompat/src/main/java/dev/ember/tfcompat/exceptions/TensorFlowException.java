package dev.ember.tfcompat.exceptions;

/** Base of the errors a session or graph raises; mirrors {@code org.tensorflow.exceptions.TensorFlowException}. */
public class TensorFlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TensorFlowException(String message) {
        super(message);
    }

    public TensorFlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
