package dev.ember.tfcompat;

/** A node of a graph (or an eager op); mirrors {@code org.tensorflow.Operation}. */
public interface Operation {
    /** The node's unique name, e.g. {@code dense/MatMul}. */
    String name();

    /** The TF op type, e.g. {@code MatMul}. */
    String type();

    /** The graph or eager session this operation belongs to. */
    ExecutionEnvironment env();

    /** Number of outputs. */
    int numOutputs();

    /** Output {@code idx}. */
    <T extends dev.ember.tfcompat.types.family.TType> Output<T> output(int idx);

    /** Outputs {@code idx .. idx+length-1}. */
    Output<?>[] outputList(int idx, int length);
}
