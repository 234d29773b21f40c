package dev.ember.engine.backend;

import dev.ember.engine.Device;

/**
 * A kernel provider: everything numeric the engine does goes through one of these families.
 * The ND4J implementation is {@code backend.nd4j}; another (e.g. libtorch's ATen) would
 * implement the same interfaces and nothing above this package would change.
 */
public interface Backend {
    /** Short name, e.g. {@code nd4j-native}. */
    String name();

    /** The device arrays of this backend live on. */
    Device device();

    /** One line: backend, native build variant, threads. */
    String describe();

    /** Sets the number of threads kernels may use. */
    void setNumThreads(int n);

    /** The number of threads kernels use. */
    int numThreads();

    /** Array creation and host transfer. */
    CreationKernels creation();

    /** Elementwise math, comparisons and casts. */
    ElementwiseKernels elementwise();

    /** Views, copies, concatenation and indexing. */
    ShapeKernels shape();

    /** Reductions over dimensions. */
    ReductionKernels reduction();

    /** Matrix products. */
    LinalgKernels linalg();

    /** Convolution and pooling kernels (NCHW). */
    NnKernels nn();
}
