package dev.ember.engine.autograd;

import dev.ember.engine.Tensor;

/**
 * A tensor kept by a node for its backward, with the version it had when saved. Unpacking
 * fails clearly when the tensor was modified in place since, or when the graph was freed.
 */
public final class SavedTensor {
    private Tensor tensor;
    private final long version;
    private final Node owner;

    SavedTensor(Tensor tensor, Node owner) {
        this.tensor = tensor;
        this.version = tensor == null ? 0 : tensor.version();
        this.owner = owner;
    }

    /** The saved tensor, after checking it is still valid for backward. */
    public Tensor get() {
        if (owner.isReleased()) {
            throw new IllegalStateException(Node.FREED_MESSAGE);
        }
        if (tensor != null && tensor.version() != version) {
            throw new IllegalStateException("one of the variables needed for gradient computation has been "
                    + "modified by an inplace operation: [" + tensor.dtype() + java.util.Arrays.toString(tensor.shape())
                    + "] saved by " + owner.name() + " is at version " + tensor.version() + "; expected version "
                    + version + " instead. Use an out-of-place op (e.g. add instead of add_) before backward.");
        }
        return tensor;
    }

    void release() {
        tensor = null;
    }
}
