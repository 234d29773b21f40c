package dev.ember.tfcompat.legacy;

/** A node of a graph; mirrors libtensorflow 1.15's {@code org.tensorflow.Operation}. */
public interface Operation {
    String name();

    String type();

    int numOutputs();

    /** The number of outputs of output argument {@code name} (TF's op definition names). */
    int outputListLength(String name);

    /** Outputs {@code idx .. idx+length-1}. */
    Output<?>[] outputList(int idx, int length);

    /** Output {@code idx}. */
    <T> Output<T> output(int idx);

    /** The number of inputs of input argument {@code name}. */
    int inputListLength(String name);
}
