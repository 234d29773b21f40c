package dev.ember.migrate.rules.eager;

/** What a translation sees while it writes one node of a generated method. */
interface Emit {
    /** The engine expression of {@code n} in layout {@code need} (permuting when needed; {@link Layout#ANY}: as is). */
    String in(TfNode n, Layout need);

    /** The layout {@code n} is held in. */
    Layout layoutOf(TfNode n);

    /** The Java source of a constant node's scalar value, e.g. {@code LEARNING_RATE} or {@code 0.5f}. */
    String java(TfNode constNode);

    /** The engine expression creating a constant node's value as a tensor. */
    String constTensor(TfNode constNode);

    /** Adds an import of {@code qualifiedName} to the generated file. */
    String type(String qualifiedName);

    /** Refuses the node: the program stays at compat. */
    default Code refuse(TfNode n, String reason) {
        throw new Unsupported(n.source, reason);
    }
}
