package dev.ember.tfcompat.runtime;

/**
 * How the engine tensor of a {@link Value} holds its TF (logical) tensor. TF's default image
 * layout is NHWC, the engine's kernels are NCHW: the {@linkplain LayoutPass layout pass} lets an
 * NHWC tensor stay in NCHW between ops that can use it that way.
 */
public enum Layout {
    /** The engine tensor is the TF tensor. */
    LOGICAL,
    /** The TF tensor is a rank-4 NHWC tensor; the engine tensor holds it as NCHW (permuted 0,3,1,2). */
    NCHW
}
