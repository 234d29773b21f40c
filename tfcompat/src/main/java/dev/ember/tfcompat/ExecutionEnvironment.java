package dev.ember.tfcompat;

import dev.ember.tfcompat.op.Scope;

/** A graph or an eager session: where ops are built; mirrors {@code org.tensorflow.ExecutionEnvironment}. */
public interface ExecutionEnvironment {
    /** The two kinds of environment. */
    enum Types { GRAPH, EAGER }

    /** A builder for an op of {@code type} named {@code name} (already made unique by {@code scope}). */
    OperationBuilder opBuilder(String type, String name, Scope scope);

    /** The environment's root scope. */
    Scope baseScope();

    /** Which kind this is. */
    Types environmentType();

    /** {@code true} for graphs. */
    default boolean isGraph() {
        return environmentType() == Types.GRAPH;
    }

    /** {@code true} for eager sessions. */
    default boolean isEager() {
        return environmentType() == Types.EAGER;
    }

    /** Registers {@code op} as an initializer (run by {@code Session.initialize()}). */
    default void registerInitOp(Operation op) {
    }

    /** {@code true} when {@code op} is an initializer. */
    default boolean isInitializer(Operation op) {
        return false;
    }
}
