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
 *
 * <p>A few layouts of imported models are no axis permutation: a flatten order
 * ({@link #flattenedNhwc}, {@link #flattenedDenseKernel}) and a GRU's gate order
 * ({@link #gruKernel}, {@link #gruBias}). They map each engine element to its TF element the same
 * way, in plain Java, and give no {@link #tfToEngine()} permutation.
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

    /** An element mapping that is no axis permutation: engine shape and engine index -> TF index. */
    private interface Mapping {
        int tfRank();

        /** The engine shape of {@code tfShape}, or null when this mapping does not fit that shape. */
        long[] engineShape(long[] tfShape);

        long[] tfIndex(long[] engineIndex, long[] tfShape);
    }

    private final String name;
    private final int[] tfToEngine;
    private final Mapping mapping;
    private final String mappingText;

    private Layout(String name, int[] tfToEngine) {
        this(name, tfToEngine, null, null);
    }

    private Layout(String name, int[] tfToEngine, Mapping mapping, String mappingText) {
        this.name = name;
        this.tfToEngine = tfToEngine;
        this.mapping = mapping;
        this.mappingText = mappingText;
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

    /**
     * TF {@code [N, H*W*C]}, Keras' {@code Flatten} of an NHWC map (index {@code (h*W + w)*C + c}), against
     * engine {@code [N, C*H*W]}, {@code flatten} of the NCHW map (index {@code c*H*W + h*W + w}).
     */
    public static Layout flattenedNhwc(long h, long w, long c) {
        positive("flattenedNhwc", h, w, c);
        long hwc = h * w * c;
        return new Layout("flatten NHWC<->NCHW " + h + "x" + w + "x" + c, null, new Mapping() {
            @Override
            public int tfRank() {
                return 2;
            }

            @Override
            public long[] engineShape(long[] s) {
                return s.length == 2 && s[1] == hwc ? s.clone() : null;
            }

            @Override
            public long[] tfIndex(long[] e, long[] tfShape) {
                return new long[] {e[0], nhwcFlatOfNchwFlat(e[1], h, w, c)};
            }
        }, "engine [N, C*H*W] = flatten(NCHW), TF [N, H*W*C] = flatten(NHWC)");
    }

    /**
     * The kernel of the first Dense after a Flatten of an NHWC {@code h x w x c} map, TF {@code [H*W*C, out]},
     * against the engine Linear weight {@code [out, C*H*W]} (transposed, inputs in NCHW flatten order):
     * what {@code CheckpointImporter.flattenFix} produces.
     */
    public static Layout flattenedDenseKernel(long h, long w, long c) {
        positive("flattenedDenseKernel", h, w, c);
        long hwc = h * w * c;
        return new Layout("flattened Dense kernel " + h + "x" + w + "x" + c, null, new Mapping() {
            @Override
            public int tfRank() {
                return 2;
            }

            @Override
            public long[] engineShape(long[] s) {
                return s.length == 2 && s[0] == hwc ? new long[] {s[1], s[0]} : null;
            }

            @Override
            public long[] tfIndex(long[] e, long[] tfShape) {
                return new long[] {nhwcFlatOfNchwFlat(e[1], h, w, c), e[0]};
            }
        }, "engine [out, C*H*W], TF [H*W*C, out]");
    }

    /**
     * A Keras GRU kernel or recurrent kernel {@code [in, 3U]} (gates z, r, h) against the engine's
     * {@code weight_ih_l0}/{@code weight_hh_l0} {@code [3U, in]} (gates r, z, n): transposed, first two
     * gates swapped.
     */
    public static Layout gruKernel() {
        return new Layout("GRU kernel zrh<->rzn", null, new Mapping() {
            @Override
            public int tfRank() {
                return 2;
            }

            @Override
            public long[] engineShape(long[] s) {
                return s.length == 2 && s[1] % 3 == 0 ? new long[] {s[1], s[0]} : null;
            }

            @Override
            public long[] tfIndex(long[] e, long[] tfShape) {
                return new long[] {e[1], gruTfGateIndex(e[0], tfShape[1] / 3)};
            }
        }, "engine [3U, in] gates r,z,n; TF [in, 3U] gates z,r,h");
    }

    /**
     * Row {@code row} of a Keras GRU bias {@code [2, 3U]} (reset_after=True; row 0 input, row 1
     * recurrent; gates z, r, h) against the engine's {@code bias_ih_l0} (row 0) or {@code bias_hh_l0}
     * (row 1), {@code [3U]} gates r, z, n. Only that row of the TF tensor is compared.
     */
    public static Layout gruBias(int row) {
        if (row != 0 && row != 1) {
            throw new IllegalArgumentException("Layout.gruBias: row must be 0 (input bias) or 1 (recurrent bias), got "
                    + row);
        }
        return new Layout("GRU bias row " + row + " zrh<->rzn", null, new Mapping() {
            @Override
            public int tfRank() {
                return 2;
            }

            @Override
            public long[] engineShape(long[] s) {
                return s.length == 2 && s[0] == 2 && s[1] % 3 == 0 ? new long[] {s[1]} : null;
            }

            @Override
            public long[] tfIndex(long[] e, long[] tfShape) {
                return new long[] {row, gruTfGateIndex(e[0], tfShape[1] / 3)};
            }
        }, "engine [3U] = " + (row == 0 ? "bias_ih" : "bias_hh") + " gates r,z,n; TF [2, 3U] row " + row
                + " gates z,r,h");
    }

    /** Engine flat index {@code c*H*W + h*W + w} to the NHWC flat index {@code (h*W + w)*C + c}. */
    private static long nhwcFlatOfNchwFlat(long j, long h, long w, long c) {
        long ci = j / (h * w);
        long r = j % (h * w);
        return r * c + ci;
    }

    /** Engine gate-major index (r,z,n blocks of U) to the TF index (z,r,h blocks). */
    private static long gruTfGateIndex(long g, long units) {
        long gate = g / units;
        long tfGate = gate == 0 ? 1 : gate == 1 ? 0 : 2;
        return tfGate * units + g % units;
    }

    private static void positive(String what, long h, long w, long c) {
        if (h <= 0 || w <= 0 || c <= 0) {
            throw new IllegalArgumentException("Layout." + what + ": H, W, C must be positive, got " + h + ", " + w
                    + ", " + c);
        }
    }

    /** The name printed in reports, e.g. {@code NHWC<->NCHW}. */
    public String name() {
        return name;
    }

    /** {@code true} for {@link #NONE}. */
    public boolean isIdentity() {
        return tfToEngine == null && mapping == null;
    }

    /** The permutation (engine dim i = TF dim p[i]); {@code null} for {@link #NONE} and the non-permutation layouts. */
    public int[] tfToEngine() {
        return tfToEngine == null ? null : tfToEngine.clone();
    }

    /** Name and mapping, e.g. {@code NHWC<->NCHW (engine = tf.permute(0, 3, 1, 2))}. */
    public String describe() {
        if (mapping != null) {
            return name + " (" + mappingText + ")";
        }
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
        if (mapping != null) {
            return mapping.tfRank() == rank;
        }
        return tfToEngine == null || tfToEngine.length == rank;
    }

    /** Whether a TF tensor of this shape can be converted (a flatten or gate layout also needs fitting sizes). */
    boolean accepts(long[] tfShape) {
        return mapping != null ? mapping.engineShape(tfShape) != null : accepts(tfShape.length);
    }

    /** What a TF shape must be for this layout, for messages: {@code rank 4}. */
    String requirement() {
        if (mapping != null) {
            return "a TF shape fitting " + mappingText;
        }
        return "rank " + (tfToEngine == null ? "any" : Integer.toString(tfToEngine.length));
    }

    /** Engine-layout shape of a TF-layout shape. */
    long[] engineShape(long[] tfShape) {
        if (mapping != null) {
            long[] e = mapping.engineShape(tfShape);
            if (e == null) {
                throw new IllegalArgumentException("layout " + describe() + " does not fit TF shape "
                        + Arrays.toString(tfShape));
            }
            return e;
        }
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

    /** TF multi-index of the engine multi-index {@code engineIndex} of a tensor whose TF shape is {@code tfShape}. */
    long[] tfIndex(long[] engineIndex, long[] tfShape) {
        if (mapping != null) {
            return mapping.tfIndex(engineIndex, tfShape);
        }
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
            throw new IllegalArgumentException("layout " + describe() + " needs " + requirement() + ", got shape "
                    + Arrays.toString(shape));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && name.equals(l.name) && Arrays.equals(tfToEngine, l.tfToEngine)
                && Objects.equals(mappingText, l.mappingText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(tfToEngine), mappingText);
    }

    @Override
    public String toString() {
        return name;
    }
}
