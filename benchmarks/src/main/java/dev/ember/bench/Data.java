package dev.ember.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs and initial weights every backend starts from, drawn once in Java from fixed seeds
 * (PyTorch's layouts: NCHW activations, OIHW conv kernels, (out, in) linear weights; the TF suites
 * permute them). Weights follow PyTorch's default init range U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
 */
public final class Data {
    private Data() {
    }

    /** {@code n} floats uniform in [lo, hi). */
    public static float[] uniform(long seed, int n, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (lo + (hi - lo) * r.nextDouble());
        }
        return a;
    }

    /** PyTorch's default init for a layer with {@code fanIn} inputs. */
    public static float[] init(long seed, int n, int fanIn) {
        double b = 1 / Math.sqrt(fanIn);
        return uniform(seed, n, -b, b);
    }

    /** {@code n} class labels in [0, classes). */
    public static long[] labels(long seed, int n, int classes) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    /** One-hot rows of {@code labels}, for losses that take probabilities (TF's softmax cross-entropy). */
    public static float[] oneHot(long[] labels, int classes) {
        float[] o = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            o[i * classes + (int) labels[i]] = 1f;
        }
        return o;
    }

    // ---------------------------------------------------------------- W3: MLP 784-128-10, batch 64

    /** W3's batch and weights. */
    public record Mlp(float[] x, long[] y, float[] w1, float[] b1, float[] w2, float[] b2) {
        public static final int BATCH = 64;
        public static final int IN = 784;
        public static final int HIDDEN = 128;
        public static final int OUT = 10;
        public static final double LR = 0.1;
    }

    public static Mlp mlp() {
        return new Mlp(uniform(31, Mlp.BATCH * Mlp.IN, 0, 1), labels(32, Mlp.BATCH, Mlp.OUT),
                init(33, Mlp.HIDDEN * Mlp.IN, Mlp.IN), init(34, Mlp.HIDDEN, Mlp.IN),
                init(35, Mlp.OUT * Mlp.HIDDEN, Mlp.HIDDEN), init(36, Mlp.OUT, Mlp.HIDDEN));
    }

    // ---------------------------------------------------------------- W4: small CNN, batch 128

    /** W4's batch and weights. */
    public record Cnn(float[] x, long[] y, float[] cw, float[] cb, float[] w1, float[] b1, float[] w2, float[] b2) {
        public static final int BATCH = 128;
        public static final int C = 3;
        public static final int HW = 32;
        public static final int K = 5;
        public static final int POOLED = 16;
        public static final int FLAT = K * POOLED * POOLED;
        public static final int HIDDEN = 128;
        public static final int OUT = 10;
        public static final double LR = 1e-3;
    }

    public static Cnn cnn() {
        return new Cnn(uniform(41, Cnn.BATCH * Cnn.C * Cnn.HW * Cnn.HW, -1, 1), labels(42, Cnn.BATCH, Cnn.OUT),
                init(43, Cnn.K * Cnn.C * 9, Cnn.C * 9), init(44, Cnn.K, Cnn.C * 9),
                init(45, Cnn.HIDDEN * Cnn.FLAT, Cnn.FLAT), init(46, Cnn.HIDDEN, Cnn.FLAT),
                init(47, Cnn.OUT * Cnn.HIDDEN, Cnn.HIDDEN), init(48, Cnn.OUT, Cnn.HIDDEN));
    }

    // ---------------------------------------------------------------- layouts for TF

    /** NCHW to NHWC. */
    public static float[] nchwToNhwc(float[] x, int n, int c, int h, int w) {
        float[] o = new float[x.length];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < w; xx++) {
                        o[((i * h + y) * w + xx) * c + ch] = x[((i * c + ch) * h + y) * w + xx];
                    }
                }
            }
        }
        return o;
    }

    /** OIHW conv kernel to TF's HWIO. */
    public static float[] oihwToHwio(float[] k, int o, int i, int h, int w) {
        float[] r = new float[k.length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < i; b++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        r[((y * w + x) * i + b) * o + a] = k[((a * i + b) * h + y) * w + x];
                    }
                }
            }
        }
        return r;
    }

    /** A row-major {@code rows x cols} matrix transposed: PyTorch's (out, in) linear weight to TF's (in, out). */
    public static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /**
     * The (out, C*H*W) weight of a Linear after an NCHW flatten, re-ordered for an NHWC flatten and
     * transposed to (H*W*C, out): TF computes the same function without a transpose at run time.
     */
    public static float[] flattenFixToTf(float[] w, int out, int c, int h, int wd) {
        float[] r = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < wd; x++) {
                        int nchw = (ch * h + y) * wd + x;
                        int nhwc = (y * wd + x) * c + ch;
                        r[nhwc * out + o] = w[o * (c * h * wd) + nchw];
                    }
                }
            }
        }
        return r;
    }

    // ---------------------------------------------------------------- W6: ResNet-18-style stack, batch 32

    /** A bias-free convolution of the W6 stack, named as in torchvision's resnet18 state_dict. */
    public record Conv(String name, int in, int out, int k, int stride, int pad) {
        /** The batch norm after it: {@code conv1 -> bn1}, {@code downsample.0 -> downsample.1}. */
        public String bn() {
            return name.endsWith("downsample.0") ? name.replace("downsample.0", "downsample.1")
                    : name.substring(0, name.length() - "convN".length()) + "bn" + name.charAt(name.length() - 1);
        }
    }

    /** A basic block: conv1-bn1-relu-conv2-bn2, plus the shortcut (downsample when present), relu. */
    public record Block(String prefix, Conv conv1, Conv conv2, Conv downsample) {
    }

    /** W6's layers: ResNet-18's stem, layer1 (2 blocks at 64) and layer2 (2 blocks at 128, the first strided). */
    public static final Conv RESNET_STEM = new Conv("conv1", 3, 64, 7, 2, 3);
    public static final List<Block> RESNET_BLOCKS = List.of(
            new Block("layer1.0", new Conv("layer1.0.conv1", 64, 64, 3, 1, 1), new Conv("layer1.0.conv2", 64, 64, 3, 1, 1), null),
            new Block("layer1.1", new Conv("layer1.1.conv1", 64, 64, 3, 1, 1), new Conv("layer1.1.conv2", 64, 64, 3, 1, 1), null),
            new Block("layer2.0", new Conv("layer2.0.conv1", 64, 128, 3, 2, 1), new Conv("layer2.0.conv2", 128, 128, 3, 1, 1),
                    new Conv("layer2.0.downsample.0", 64, 128, 1, 2, 0)),
            new Block("layer2.1", new Conv("layer2.1.conv1", 128, 128, 3, 1, 1), new Conv("layer2.1.conv2", 128, 128, 3, 1, 1),
                    null));

    /** W6's batch and weights: conv kernels OIHW by conv name; batch norms start at weight 1, bias 0. */
    public record Resnet(float[] x, long[] y, Map<String, float[]> kernels, float[] fcW, float[] fcB) {
        public static final int BATCH = 32;
        public static final int HW = 64;
        public static final int FEATURES = 128;
        public static final int OUT = 10;
        public static final double BN_EPS = 1e-5;
    }

    /** Every conv of the stack in order: the stem, then each block's conv1, conv2, downsample. */
    public static List<Conv> resnetConvs() {
        List<Conv> all = new java.util.ArrayList<>();
        all.add(RESNET_STEM);
        for (Block b : RESNET_BLOCKS) {
            all.add(b.conv1());
            all.add(b.conv2());
            if (b.downsample() != null) {
                all.add(b.downsample());
            }
        }
        return all;
    }

    public static Resnet resnet() {
        Map<String, float[]> k = new LinkedHashMap<>();
        long seed = 60;
        for (Conv c : resnetConvs()) {
            k.put(c.name(), init(seed++, c.out() * c.in() * c.k() * c.k(), c.in() * c.k() * c.k()));
        }
        return new Resnet(uniform(51, Resnet.BATCH * 3 * Resnet.HW * Resnet.HW, -1, 1), labels(52, Resnet.BATCH, Resnet.OUT),
                k, init(53, Resnet.OUT * Resnet.FEATURES, Resnet.FEATURES), init(54, Resnet.OUT, Resnet.FEATURES));
    }
}
