package dev.ember.tfcompat.runtime.kernels;

import dev.ember.tfcompat.runtime.Attrs;
import java.util.Arrays;
import org.tensorflow.ndarray.Shape;

/**
 * The sliding-window attributes of one TF image op ({@code data_format}, {@code strides},
 * {@code dilations}, {@code ksize}, {@code padding}, {@code explicit_paddings}), checked as TF checks
 * them and kept in (height, width) order, plus TF's output-size and padding arithmetic
 * ({@code GetWindowedOutputSizeVerbose}): SAME pads {@code max((ceil(in/s) - 1) * s + (k - 1) * d + 1 - in, 0)}
 * in total, the odd pixel after (bottom/right).
 */
final class Window {
    static final String[] FORMATS = {"NHWC", "NCHW"};
    static final String[] CONV_PADDINGS = {"SAME", "VALID", "EXPLICIT"};
    static final String[] POOL_PADDINGS = {"SAME", "VALID"};

    final boolean nhwc;
    final String padding;
    /** {@code {h, w}}. */
    final int[] stride;
    /** {@code {h, w}}. */
    final int[] dilation;
    /** {@code {top, bottom, left, right}} for EXPLICIT, else null. */
    final long[] explicit;

    private Window(boolean nhwc, String padding, int[] stride, int[] dilation, long[] explicit) {
        this.nhwc = nhwc;
        this.padding = padding;
        this.stride = stride;
        this.dilation = dilation;
        this.explicit = explicit;
    }

    /** Conv2D-style attributes: strides, dilations, padding (SAME/VALID/EXPLICIT), explicit_paddings, data_format. */
    static Window conv(Attrs a) {
        boolean nhwc = nhwc(a, FORMATS);
        String padding = choice(a, "padding", null, CONV_PADDINGS);
        int[] stride = spatial(a, "strides", a.attrLongs("strides"), nhwc, "strides");
        int[] dilation = spatial(a, "dilations", a.attrLongs("dilations", new long[] {1, 1, 1, 1}), nhwc, "dilations");
        return new Window(nhwc, padding, stride, dilation, explicit(a, padding, nhwc));
    }

    /** Pooling attributes with strides given as {@code strides} (an attribute or an input of MaxPoolV2). */
    static Window pool(Attrs a, long[] strides, String[] paddings, String[] formats) {
        boolean nhwc = nhwc(a, formats);
        String padding = choice(a, "padding", null, paddings);
        int[] stride = spatial(a, "strides", strides, nhwc, "strides");
        return new Window(nhwc, padding, stride, new int[] {1, 1}, explicit(a, padding, nhwc));
    }

    /** {@code ksize} as {@code {kh, kw}}: 4 values, 1 in the batch and depth dimensions. */
    static int[] ksize(Attrs a, long[] ksize, boolean nhwc) {
        if (ksize.length != 4) {
            throw a.invalid("Sliding window ksize field must specify 4 dimensions");
        }
        int c = nhwc ? 3 : 1;
        int h = nhwc ? 1 : 2;
        if (ksize[0] != 1) {
            throw a.invalid("Pooling is not yet supported on the batch dimension.");
        }
        if (ksize[c] != 1) {
            throw a.invalid("pooling across depth (ksize " + Arrays.toString(ksize) + ") is not supported by Ember's tfcompat");
        }
        if (ksize[h] < 1 || ksize[h + 1] < 1) {
            throw a.invalid("Sliding window ksize for dimensions H and W must be positive, got " + Arrays.toString(ksize));
        }
        return new int[] {Math.toIntExact(ksize[h]), Math.toIntExact(ksize[h + 1])};
    }

    /** {@code data_format}: NHWC (the default) or one of {@code allowed}; {@code true} for NHWC. */
    static boolean nhwc(Attrs a, String[] allowed) {
        String f = choice(a, "data_format", "NHWC", allowed);
        if (!f.equals("NHWC") && !f.equals("NCHW")) {
            throw a.invalid("data_format " + f + " is not supported by Ember's tfcompat");
        }
        return f.equals("NHWC");
    }

    /** A string attribute that must be one of {@code allowed} (TF's attribute check, naming the node). */
    static String choice(Attrs a, String attr, String fallback, String[] allowed) {
        String v = a.attrString(attr, fallback);
        if (v == null) {
            throw a.invalid("missing attr '" + attr + "'");
        }
        if (!Arrays.asList(allowed).contains(v)) {
            StringBuilder list = new StringBuilder();
            for (String s : allowed) {
                list.append(list.length() == 0 ? "" : ", ").append('"').append(s).append('"');
            }
            throw a.invalid("Value for attr '" + attr + "' of \"" + v + "\" is not in the list of allowed values: " + list);
        }
        return v;
    }

    private static int[] spatial(Attrs a, String attr, long[] v, boolean nhwc, String what) {
        if (v.length != 4) {
            throw a.invalid("Sliding window " + what + " field must specify 4 dimensions");
        }
        int c = nhwc ? 3 : 1;
        int h = nhwc ? 1 : 2;
        if (v[0] != 1 || v[c] != 1) {
            throw a.invalid("Current implementation does not yet support " + what + " in the batch and depth dimensions.");
        }
        if (v[h] < 1 || v[h + 1] < 1) {
            throw a.invalid("Sliding window " + what + " must be positive, got " + Arrays.toString(v));
        }
        return new int[] {Math.toIntExact(v[h]), Math.toIntExact(v[h + 1])};
    }

    private static long[] explicit(Attrs a, String padding, boolean nhwc) {
        long[] p = a.attrLongs("explicit_paddings", new long[0]);
        if (!padding.equals("EXPLICIT")) {
            if (p.length != 0) {
                throw a.invalid("explicit_paddings attribute must be empty if the padding is not EXPLICIT.");
            }
            return null;
        }
        if (p.length != 8) {
            throw a.invalid("explicit_paddings attribute must contain 8 values, but got: " + p.length);
        }
        for (long v : p) {
            if (v < 0) {
                throw a.invalid("All explicit padding values must be nonnegative, got " + Arrays.toString(p));
            }
        }
        int c = nhwc ? 3 : 1;
        int h = nhwc ? 1 : 2;
        if (p[0] != 0 || p[1] != 0 || p[2 * c] != 0 || p[2 * c + 1] != 0) {
            throw a.invalid("Nonzero explicit padding in the batch or depth dimensions is not supported");
        }
        return new long[] {p[2 * h], p[2 * h + 1], p[2 * h + 2], p[2 * h + 3]};
    }

    /** Pads {@code {top, bottom, left, right}} for an input of {@code {h, w}} and a window of {@code {kh, kw}}. */
    long[] pads(long[] in, long[] k) {
        long[] p = new long[4];
        for (int i = 0; i < 2; i++) {
            long[] pi = pads(i, in[i], k[i]);
            p[2 * i] = pi[0];
            p[2 * i + 1] = pi[1];
        }
        return p;
    }

    /** Pads {@code {before, after}} of spatial dimension {@code i} (0 height, 1 width). */
    private long[] pads(int i, long in, long k) {
        if (explicit != null) {
            return new long[] {explicit[2 * i], explicit[2 * i + 1]};
        }
        if (!padding.equals("SAME")) {
            return new long[] {0, 0};
        }
        long eff = (k - 1) * dilation[i] + 1;
        long out = (in + stride[i] - 1) / stride[i];
        long total = Math.max((out - 1) * stride[i] + eff - in, 0);
        return new long[] {total / 2, total - total / 2};
    }

    /** Output {@code {h, w}}; a negative size is TF's error, naming the node. */
    long[] outSize(Attrs a, long[] in, long[] k) {
        return new long[] {outSize(a, 0, in[0], k[0]), outSize(a, 1, in[1], k[1])};
    }

    private long outSize(Attrs a, int i, long in, long k) {
        long eff = (k - 1) * dilation[i] + 1;
        if (padding.equals("SAME")) {
            return (in + stride[i] - 1) / stride[i];
        }
        long[] p = pads(i, in, k);
        long out = (in + p[0] + p[1] - eff + stride[i]) / stride[i];
        if (out < 0) {
            throw a.invalid("Computed output size would be negative: " + out + " [input_size: " + in
                    + ", effective_filter_size: " + eff + ", stride: " + stride[i] + "]");
        }
        return out;
    }

    /** Static output size {@code {h, w}} (-1 where the input or window size is unknown). */
    long[] staticOutSize(Attrs a, long[] in, long[] k) {
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            out[i] = in[i] < 0 || k[i] < 0 ? -1 : outSize(a, i, in[i], k[i]);
        }
        return out;
    }

    // ---------------------------------------------------------------- data_format helpers

    /** Dimension indices of {@code {N, H, W, C}} in this window's format. */
    int[] axes() {
        return nhwc ? new int[] {0, 1, 2, 3} : new int[] {0, 2, 3, 1};
    }

    /** {@code {n, h, w, c}} of a TF shape in this format (-1 for an unknown shape). */
    long[] nhwcOf(Shape s) {
        if (s.isUnknown() || s.numDimensions() != 4) {
            return new long[] {-1, -1, -1, -1};
        }
        int[] ax = axes();
        return new long[] {s.size(ax[0]), s.size(ax[1]), s.size(ax[2]), s.size(ax[3])};
    }

    /** {@code {n, h, w, c}} as a shape in this format. */
    Shape shapeOf(long n, long h, long w, long c) {
        return nhwc ? Shape.of(n, h, w, c) : Shape.of(n, c, h, w);
    }
}
