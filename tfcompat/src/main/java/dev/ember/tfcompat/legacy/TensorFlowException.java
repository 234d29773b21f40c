package dev.ember.tfcompat.legacy;

/** An error of the TensorFlow runtime with no more specific Java exception; mirrors libtensorflow 1.15's. */
public final class TensorFlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TensorFlowException(String message) {
        super(message);
    }

    TensorFlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
