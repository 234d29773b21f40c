package dev.ember.engine.backend;

/** Short static access to the active backend's kernel families, for op implementations. */
public final class Kernels {
    private Kernels() {
    }

    /** Creation and host transfer. */
    public static CreationKernels creation() {
        return Backends.get().creation();
    }

    /** Elementwise kernels. */
    public static ElementwiseKernels elementwise() {
        return Backends.get().elementwise();
    }

    /** Shape kernels. */
    public static ShapeKernels shape() {
        return Backends.get().shape();
    }

    /** Reduction kernels. */
    public static ReductionKernels reduction() {
        return Backends.get().reduction();
    }

    /** Matrix products. */
    public static LinalgKernels linalg() {
        return Backends.get().linalg();
    }

    /** Convolution and pooling. */
    public static NnKernels nn() {
        return Backends.get().nn();
    }
}
