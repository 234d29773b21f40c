package dev.ember.tfcompat.runtime;

/**
 * The implementation of one TF op type on the engine: its output types and static shapes at
 * graph-building time, and its computation at run time. Registered once in {@link OpRegistry}
 * under the TF op type name; Ops-built and imported (GraphDef/SavedModel) graphs use the same entry.
 */
public interface Kernel {
    /** Output types and static shapes of a node (unknown dimensions allowed). */
    OutputSpec[] outputs(NodeView node);

    /** Runs the node on its input values. */
    Value[] compute(KernelContext ctx);

    /**
     * {@code true} when every output element depends only on the input elements at the same
     * (broadcast) position: such kernels also run on NCHW-laid inputs and pass the layout on
     * (see {@link LayoutPass}). Only for kernels that read nothing of their inputs but the tensors.
     */
    default boolean elementwise() {
        return false;
    }

    /** {@code true} for ops with side effects (assignments, random draws): never cached or pruned away when targeted. */
    default boolean stateful() {
        return false;
    }

    /**
     * TF's output argument names of a node, with the number of outputs each spans (FunctionDef bodies
     * refer to outputs as {@code node:arg:index}). {@code null}, the default, means "not declared":
     * a node with a single output then accepts any argument name, a node with several outputs cannot be
     * referred to by name (an error says so). Declare with {@link Kernels#withOutputArgs} or
     * {@link Kernels#withListOutput}.
     */
    default java.util.List<OutputArg> outputArgs(NodeView node, int numOutputs) {
        return null;
    }
}
