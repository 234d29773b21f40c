/**
 * The ND4J 1.0.0-M2.1 backend. Chooses the oneDNN/AVX-512 native build when the CPU allows it
 * ({@code Nd4jPlatform}), broadcasts explicitly (ND4J's own ops broadcast one way only) and runs
 * libnd4j's conv and pooling kernels in NCHW with OIHW weights.
 */
package dev.ember.engine.backend.nd4j;
