package dev.ember.parity;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a tensor's TF-side layout maps to its engine-side layout: a named axis permutation, applied
 * by the harness at the boundary (inputs going in, outputs and gradients coming back) so that an
 * NHWC activation or an HWIO kernel is compared to the NCHW/OIHW tensor the engine computes.
 *
 * <p>{@code engine = tf.permute(tfToEngine)} in PyTorch terms ({@code tf.transpose(x, perm)} in TF):
 * engine dimension {@code i} is TF dimension {@code tfToEngine[i]}. The harness permutes values in
 * plain Java, never with engine ops, so a bug in the engine's {@code permute} cannot hide itself.
 */
public final class Layout {
    /** Same layout on both sides (any rank). */
    public static final Layout NONE = new Layout("none", null);
    /** TF activations NHWC, engine NCHW: {@code engine = tf.permute(0, 3, 1, 2)}. */
    public static final Layout NHWC_NCHW = new Layout("NHWC<->NCHW", new int[] {0, 3, 1, 2});
    /** TF 1-D activations NWC, engine NCW: {@code engine = tf.permute(0, 2, 1)}. */
    public static final Layout NWC_NCW = new Layout("NWC<->NCW", new int[] {0, 2, 1});
    /** TF conv2d kernel HWIO, engine weight OIHW: {@code engine = tf.permute(3, 2, 0, 1)}. */
    public static final Layout HWIO_OIHW = new Layout("HWIO<->OIHW", new int[] {3, 2, 0, 1});
    /** TF conv1d kernel WIO, engine weight OIW: {@code engine = tf.permute(2, 1, 0)}. */
    public static final Layout WIO_OIW = new Layout("WIO<->OIW", new int[] {2, 1, 0});
    /** TF Dense kernel (in, out), engine Linear weight (out, in): {@code engine = tf.permute(1, 0)}. */
    public static final Layout IO_OI = new Layout("IO<->OI", new int[] {1, 0});

    private final String name;
    private final int[] tfToEngine;

    private Layout(String name, int[] tfToEngine) {
        this.name = name;
        this.tfToEngine = tfToEngine;
    }

    /** A custom named permutation; {@code tfToEngine} must be a permutation of {@code 0..rank-1}. */
    public static Layout of(String name, int... tfToEngine) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Layout.of: a layout needs a name (it is printed in reports)");
        }
        int[] p = tfToEngine.clone();
        boolean[] seen = new boolean[p.length];
        for (int d : p) {
            if (d < 0 || d >= p.length || seen[d]) {
                throw new IllegalArgumentException("Layout.of(" + name + "): " + Arrays.toString(tfToEngine)
                        + " is not a permutation of 0.." + (p.length - 1));
            }
            seen[d] = true;
        }
        return new Layout(name, p);
    }

    /** The name printed in reports, e.g. {@code NHWC<->NCHW}. */
    public String name() {
        return name;
    }

    /** {@code true} for {@link #NONE}. */
    public boolean isIdentity() {
        return tfToEngine == null;
    }

    /** The permutation (engine dim i = TF dim p[i]); {@code null} for {@link #NONE}. */
    public int[] tfToEngine() {
        return tfToEngine == null ? null : tfToEngine.clone();
    }

    /** Name and permutation, e.g. {@code NHWC<->NCHW (engine = tf.permute(0, 3, 1, 2))}. */
    public String describe() {
        if (tfToEngine == null) {
            return name;
        }
        StringBuilder s = new StringBuilder(name).append(" (engine = tf.permute(");
        for (int i = 0; i < tfToEngine.length; i++) {
            s.append(i == 0 ? "" : ", ").append(tfToEngine[i]);
        }
        return s.append("))").toString();
    }

    /** Whether a TF tensor of this rank can be converted. */
    boolean accepts(int rank) {
        return tfToEngine == null || tfToEngine.length == rank;
    }

    /** Engine-layout shape of a TF-layout shape. */
    long[] engineShape(long[] tfShape) {
        requireRank(tfShape);
        if (tfToEngine == null) {
            return tfShape.clone();
        }
        long[] out = new long[tfShape.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = tfShape[tfToEngine[i]];
        }
        return out;
    }

    /** TF-layout shape of an engine-layout shape. */
    long[] tfShape(long[] engineShape) {
        requireRank(engineShape);
        return tfIndex(engineShape);
    }

    /** TF multi-index of an engine multi-index (also maps shapes). */
    long[] tfIndex(long[] engineIndex) {
        if (tfToEngine == null) {
            return engineIndex.clone();
        }
        long[] out = new long[engineIndex.length];
        for (int i = 0; i < out.length; i++) {
            out[tfToEngine[i]] = engineIndex[i];
        }
        return out;
    }

    private void requireRank(long[] shape) {
        if (!accepts(shape.length)) {
            throw new IllegalArgumentException("layout " + describe() + " needs rank " + tfToEngine.length
                    + ", got shape " + Arrays.toString(shape));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && name.equals(l.name) && Arrays.equals(tfToEngine, l.tfToEngine);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(tfToEngine));
    }

    @Override
    public String toString() {
        return name;
    }
}
