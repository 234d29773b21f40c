package dev.ember.engine.ops;

/**
 * Naive float64 references for the nn ops (plain loops over {@link NdRef}), independent of the
 * engine's kernels. Pooling follows PyTorch's CPU loops ({@code AvgPoolKernel.cpp},
 * {@code MaxPoolKernel.cpp}) literally, divisor rules included.
 */
final class NnRef {
    private NnRef() {
    }

    /** Direct convolution; {@code pads = {top, bottom, left, right}}; {@code b} may be null. */
    static NdRef conv2d(NdRef x, NdRef w, NdRef b, int[] s, int[] pads, int[] d, int groups) {
        long n = x.shape[0];
        long h = x.shape[2];
        long wd = x.shape[3];
        long o = w.shape[0];
        long cg = w.shape[1];
        long kh = w.shape[2];
        long kw = w.shape[3];
        long oh = (h + pads[0] + pads[1] - d[0] * (kh - 1) - 1) / s[0] + 1;
        long ow = (wd + pads[2] + pads[3] - d[1] * (kw - 1) - 1) / s[1] + 1;
        long og = o / groups;
        NdRef out = NdRef.zeros(n, o, oh, ow);
        for (long ni = 0; ni < n; ni++) {
            for (long oc = 0; oc < o; oc++) {
                long g = oc / og;
                for (long i = 0; i < oh; i++) {
                    for (long j = 0; j < ow; j++) {
                        double sum = b == null ? 0 : b.get(oc);
                        for (long c = 0; c < cg; c++) {
                            for (long u = 0; u < kh; u++) {
                                for (long v = 0; v < kw; v++) {
                                    long ih = i * s[0] - pads[0] + u * d[0];
                                    long iw = j * s[1] - pads[2] + v * d[1];
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < wd) {
                                        sum += x.get(ni, g * cg + c, ih, iw) * w.get(oc, c, u, v);
                                    }
                                }
                            }
                        }
                        out.set(sum, ni, oc, i, j);
                    }
                }
            }
        }
        return out;
    }

    /** Transposed convolution by scattering each input value through the kernel; weight (Cin, Cout/groups, kH, kW). */
    static NdRef convTranspose2d(NdRef x, NdRef w, NdRef b, int[] s, int[] p, int[] op, int[] d, int groups) {
        long n = x.shape[0];
        long cin = x.shape[1];
        long h = x.shape[2];
        long wd = x.shape[3];
        long outG = w.shape[1];
        long kh = w.shape[2];
        long kw = w.shape[3];
        long cg = cin / groups;
        long oh = (h - 1) * s[0] - 2L * p[0] + d[0] * (kh - 1) + op[0] + 1;
        long ow = (wd - 1) * s[1] - 2L * p[1] + d[1] * (kw - 1) + op[1] + 1;
        NdRef out = NdRef.zeros(n, outG * groups, oh, ow);
        for (long ni = 0; ni < n; ni++) {
            for (long ci = 0; ci < cin; ci++) {
                long g = ci / cg;
                for (long i = 0; i < h; i++) {
                    for (long j = 0; j < wd; j++) {
                        for (long oc = 0; oc < outG; oc++) {
                            for (long u = 0; u < kh; u++) {
                                for (long v = 0; v < kw; v++) {
                                    long r = i * s[0] - p[0] + u * d[0];
                                    long c = j * s[1] - p[1] + v * d[1];
                                    if (r >= 0 && r < oh && c >= 0 && c < ow) {
                                        long[] at = {ni, g * outG + oc, r, c};
                                        out.set(out.get(at) + x.get(ni, ci, i, j) * w.get(ci, oc, u, v), at);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if (b != null) {
            for (int k = 0; k < out.data.length; k++) {
                out.data[k] += b.data[(int) out.index(k)[1]];
            }
        }
        return out;
    }

    /** PyTorch's pooling output size, ceil mode's "last window starts inside" rule included. */
    static long poolOut(long in, int k, int s, int p, int d, boolean ceil) {
        double span = in + 2.0 * p - d * (k - 1.0) - 1;
        long o = (long) (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
        if (ceil && (o - 1) * s >= in + p) {
            o--;
        }
        return o;
    }

    static NdRef maxPool2d(NdRef x, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        long h = x.shape[2];
        long w = x.shape[3];
        long oh = poolOut(h, k[0], s[0], p[0], d[0], ceil);
        long ow = poolOut(w, k[1], s[1], p[1], d[1], ceil);
        NdRef out = NdRef.zeros(x.shape[0], x.shape[1], oh, ow);
        for (int q = 0; q < out.data.length; q++) {
            long[] at = out.index(q);
            double m = Double.NEGATIVE_INFINITY;
            for (long u = 0; u < k[0]; u++) {
                for (long v = 0; v < k[1]; v++) {
                    long ih = at[2] * s[0] - p[0] + u * d[0];
                    long iw = at[3] * s[1] - p[1] + v * d[1];
                    if (ih >= 0 && ih < h && iw >= 0 && iw < w) {
                        m = Math.max(m, x.get(at[0], at[1], ih, iw));
                    }
                }
            }
            out.data[q] = m;
        }
        return out;
    }

    static NdRef avgPool2d(NdRef x, int[] k, int[] s, int[] p, boolean ceil, boolean countIncludePad) {
        long h = x.shape[2];
        long w = x.shape[3];
        long oh = poolOut(h, k[0], s[0], p[0], 1, ceil);
        long ow = poolOut(w, k[1], s[1], p[1], 1, ceil);
        NdRef out = NdRef.zeros(x.shape[0], x.shape[1], oh, ow);
        for (int q = 0; q < out.data.length; q++) {
            long[] at = out.index(q);
            long h0 = at[2] * s[0] - p[0];
            long w0 = at[3] * s[1] - p[1];
            long h1 = Math.min(h0 + k[0], h + p[0]);
            long w1 = Math.min(w0 + k[1], w + p[1]);
            long poolSize = (h1 - h0) * (w1 - w0);
            h0 = Math.max(h0, 0);
            w0 = Math.max(w0, 0);
            h1 = Math.min(h1, h);
            w1 = Math.min(w1, w);
            double sum = 0;
            for (long i = h0; i < h1; i++) {
                for (long j = w0; j < w1; j++) {
                    sum += x.get(at[0], at[1], i, j);
                }
            }
            out.data[q] = sum / (countIncludePad ? poolSize : (h1 - h0) * (w1 - w0));
        }
        return out;
    }

    /** Adaptive average pooling over the last two dimensions. */
    static NdRef adaptiveAvgPool2d(NdRef x, int oh, int ow) {
        int r = x.rank();
        long h = x.shape[r - 2];
        long w = x.shape[r - 1];
        long[] shape = x.shape.clone();
        shape[r - 2] = oh;
        shape[r - 1] = ow;
        NdRef out = NdRef.zeros(shape);
        for (int q = 0; q < out.data.length; q++) {
            long[] at = out.index(q);
            long i = at[r - 2];
            long j = at[r - 1];
            long h0 = (long) Math.floor((double) i * h / oh);
            long h1 = (long) Math.ceil((double) (i + 1) * h / oh);
            long w0 = (long) Math.floor((double) j * w / ow);
            long w1 = (long) Math.ceil((double) (j + 1) * w / ow);
            double sum = 0;
            long[] src = at.clone();
            for (long u = h0; u < h1; u++) {
                for (long v = w0; v < w1; v++) {
                    src[r - 2] = u;
                    src[r - 1] = v;
                    sum += x.get(src);
                }
            }
            out.data[q] = sum / ((h1 - h0) * (w1 - w0));
        }
        return out;
    }

    /** Constant padding with F.pad's order (last dimension first); negative pads crop. */
    static NdRef pad(NdRef x, long[] pads, double value) {
        int r = x.rank();
        long[] before = new long[r];
        long[] shape = x.shape.clone();
        for (int i = 0; i < pads.length / 2; i++) {
            before[r - 1 - i] = pads[2 * i];
            shape[r - 1 - i] += pads[2 * i] + pads[2 * i + 1];
        }
        NdRef out = NdRef.zeros(shape);
        for (int q = 0; q < out.data.length; q++) {
            long[] at = out.index(q);
            boolean inside = true;
            for (int dd = 0; dd < r; dd++) {
                at[dd] -= before[dd];
                inside &= at[dd] >= 0 && at[dd] < x.shape[dd];
            }
            out.data[q] = inside ? x.get(at) : value;
        }
        return out;
    }

    /** 1 at each (integer-valued) index of {@code idx} along a new last dimension of size {@code classes}. */
    static NdRef oneHot(NdRef idx, int classes) {
        long[] shape = java.util.Arrays.copyOf(idx.shape, idx.rank() + 1);
        shape[idx.rank()] = classes;
        NdRef out = NdRef.zeros(shape);
        for (int q = 0; q < idx.data.length; q++) {
            out.data[q * classes + (int) idx.data[q]] = 1;
        }
        return out;
    }

    /** Rows of {@code w} at the (integer-valued) {@code idx}. */
    static NdRef embedding(NdRef idx, NdRef w) {
        long dim = w.shape[1];
        long[] shape = java.util.Arrays.copyOf(idx.shape, idx.rank() + 1);
        shape[idx.rank()] = dim;
        NdRef out = NdRef.zeros(shape);
        for (int q = 0; q < out.data.length; q++) {
            out.data[q] = w.get((long) idx.data[(int) (q / dim)], q % dim);
        }
        return out;
    }

    /**
     * Batch norm over dimension 1: with {@code mean}/{@code var} null, batch statistics (biased
     * variance); else the given ones. {@code gamma}/{@code beta} may be null.
     */
    static NdRef batchNorm(NdRef x, double[] mean, double[] var, NdRef gamma, NdRef beta, double eps) {
        int c = (int) x.shape[1];
        double[] m = mean;
        double[] v = var;
        if (m == null) {
            m = new double[c];
            v = new double[c];
            long[] count = new long[c];
            for (int q = 0; q < x.data.length; q++) {
                int ch = (int) x.index(q)[1];
                m[ch] += x.data[q];
                count[ch]++;
            }
            for (int ch = 0; ch < c; ch++) {
                m[ch] /= count[ch];
            }
            for (int q = 0; q < x.data.length; q++) {
                int ch = (int) x.index(q)[1];
                v[ch] += (x.data[q] - m[ch]) * (x.data[q] - m[ch]) / count[ch];
            }
        }
        NdRef out = NdRef.zeros(x.shape);
        for (int q = 0; q < x.data.length; q++) {
            int ch = (int) x.index(q)[1];
            double y = (x.data[q] - m[ch]) / Math.sqrt(v[ch] + eps);
            out.data[q] = y * (gamma == null ? 1 : gamma.data[ch]) + (beta == null ? 0 : beta.data[ch]);
        }
        return out;
    }

    /** Layer norm over the trailing dimensions of {@code gamma}'s shape (biased variance). */
    static NdRef layerNorm(NdRef x, NdRef gamma, NdRef beta, double eps) {
        int inner = gamma.data.length;
        NdRef out = NdRef.zeros(x.shape);
        for (int start = 0; start < x.data.length; start += inner) {
            double m = 0;
            for (int i = 0; i < inner; i++) {
                m += x.data[start + i] / inner;
            }
            double v = 0;
            for (int i = 0; i < inner; i++) {
                v += (x.data[start + i] - m) * (x.data[start + i] - m) / inner;
            }
            for (int i = 0; i < inner; i++) {
                out.data[start + i] = (x.data[start + i] - m) / Math.sqrt(v + eps) * gamma.data[i] + beta.data[i];
            }
        }
        return out;
    }
}
