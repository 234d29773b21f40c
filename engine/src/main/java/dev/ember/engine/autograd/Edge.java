package dev.ember.engine.autograd;

/**
 * One entry of {@link Node#nextFunctions()}: the node that receives the gradient of an input,
 * and which of its outputs that input was. {@code function} is {@code null} for an input that
 * needs no gradient, like PyTorch's {@code (None, 0)}.
 */
public record Edge(Node function, int inputNr) {
    /** The edge of an input that needs no gradient. */
    public static final Edge NONE = new Edge(null, 0);

    /** {@code true} when a gradient flows along this edge. */
    public boolean isValid() {
        return function != null;
    }

    @Override
    public String toString() {
        return "(" + (function == null ? "None" : function.name()) + ", " + inputNr + ")";
    }
}
