package dev.ember.tfcompat.legacy;

/** Where operations are built; mirrors libtensorflow 1.15's {@code org.tensorflow.ExecutionEnvironment}. */
public interface ExecutionEnvironment {
    /** A builder for an operation of {@code type} named {@code name}. */
    OperationBuilder opBuilder(String type, String name);
}
