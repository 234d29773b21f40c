package dev.ember.engine.nn;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.NoGrad;
import dev.ember.engine.Tensor;
import java.util.Arrays;

/**
 * Parameter initialisation in place; mirrors {@code torch.nn.init}. Values are drawn from the
 * default generator ({@link Ember#manualSeed}) unless one is given, computed in double precision
 * and copied in without recording gradients. Each returns the tensor it filled.
 */
public final class Init {
    private Init() {
    }

    /** {@code mode} of the kaiming initialisers. */
    public enum FanMode { FAN_IN, FAN_OUT }

    /** The non-linearities {@link #calculateGain} knows. */
    public enum Nonlinearity { LINEAR, CONV1D, CONV2D, CONV3D, SIGMOID, TANH, RELU, LEAKY_RELU, SELU }

    /** The recommended gain for a non-linearity; mirrors {@code calculate_gain} ({@code param} is leaky_relu's slope, default 0.01). */
    public static double calculateGain(Nonlinearity nonlinearity, double param) {
        switch (nonlinearity) {
            case LINEAR: case CONV1D: case CONV2D: case CONV3D: case SIGMOID: return 1;
            case TANH: return 5.0 / 3;
            case RELU: return Math.sqrt(2);
            case LEAKY_RELU: return Math.sqrt(2 / (1 + param * param));
            case SELU: return 3.0 / 4;
            default: throw new IllegalArgumentException("calculateGain: unsupported " + nonlinearity);
        }
    }

    /** {@link #calculateGain(Nonlinearity, double)} with leaky_relu's default slope 0.01. */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /** {fan_in, fan_out} of a weight of rank >= 2 (conv: channels x receptive field). */
    public static long[] fans(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for a tensor with fewer than "
                    + "2 dimensions (shape " + Arrays.toString(t.shape()) + ")");
        }
        long receptive = 1;
        for (int i = 2; i < t.dim(); i++) {
            receptive *= t.size(i);
        }
        return new long[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /** U(a, b); mirrors {@code uniform_}. */
    public static Tensor uniform_(Tensor t, double a, double b) {
        return uniform_(t, a, b, null);
    }

    /** U(a, b) from {@code generator}. */
    public static Tensor uniform_(Tensor t, double a, double b, Generator generator) {
        double[] v = new double[size(t)];
        gen(generator).fillUniform(v, a, b);
        return fill(t, v);
    }

    /** N(mean, std^2); mirrors {@code normal_}. */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, null);
    }

    /** N(mean, std^2) from {@code generator}. */
    public static Tensor normal_(Tensor t, double mean, double std, Generator generator) {
        double[] v = new double[size(t)];
        gen(generator).fillNormal(v, mean, std);
        return fill(t, v);
    }

    /** N(mean, std^2) redrawn until inside [a, b]; mirrors {@code trunc_normal_} (defaults a=-2, b=2). */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b) {
        if (!(a < b)) {
            throw new IllegalArgumentException("truncNormal_: need a < b, got a=" + a + ", b=" + b);
        }
        Generator g = gen(null);
        double[] v = new double[size(t)];
        for (int i = 0; i < v.length; i++) {
            double x;
            do {
                x = mean + std * g.nextGaussian();
            } while (x < a || x > b);
            v[i] = x;
        }
        return fill(t, v);
    }

    /** Every element = {@code value}; mirrors {@code constant_}. */
    public static Tensor constant_(Tensor t, double value) {
        try (NoGrad ignored = NoGrad.enter()) {
            t.fill_(value);
        }
        return t;
    }

    /** Zeros; mirrors {@code zeros_}. */
    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0);
    }

    /** Ones; mirrors {@code ones_}. */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1);
    }

    /** Glorot uniform: U(-a, a), a = gain * sqrt(6 / (fan_in + fan_out)); mirrors {@code xavier_uniform_}. */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        long[] f = fans(t);
        double a = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform_(t, -a, a);
    }

    /** Glorot normal: std = gain * sqrt(2 / (fan_in + fan_out)); mirrors {@code xavier_normal_}. */
    public static Tensor xavierNormal_(Tensor t, double gain) {
        long[] f = fans(t);
        return normal_(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])));
    }

    /** He uniform: bound = gain * sqrt(3 / fan); mirrors {@code kaiming_uniform_(t, a, mode, nonlinearity)}. */
    public static Tensor kaimingUniform_(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity) {
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound);
    }

    /** He normal: std = gain / sqrt(fan); mirrors {@code kaiming_normal_}. */
    public static Tensor kaimingNormal_(Tensor t, double a, FanMode mode, Nonlinearity nonlinearity) {
        return normal_(t, 0, calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode)));
    }

    /** A (semi-)orthogonal matrix (QR of a normal draw, signs fixed by R's diagonal) times gain; mirrors {@code orthogonal_}. */
    public static Tensor orthogonal_(Tensor t, double gain) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("orthogonal_: only tensors with 2 or more dimensions are supported, "
                    + "got shape " + Arrays.toString(t.shape()));
        }
        int rows = (int) t.size(0);
        int cols = size(t) / rows;
        boolean transpose = rows < cols;
        int m = transpose ? cols : rows;
        int n = transpose ? rows : cols;
        double[] a = new double[m * n];
        gen(null).fillNormal(a, 0, 1);
        double[] q = qrQ(a, m, n);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = gain * (transpose ? q[j * n + i] : q[i * n + j]);
            }
        }
        return fill(t, out);
    }

    /** Q (m x n, m >= n) of the QR decomposition by modified Gram-Schmidt, columns signed so diag(R) > 0. */
    private static double[] qrQ(double[] a, int m, int n) {
        double[] q = a.clone();
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += q[i * n + k] * q[i * n + j];
                }
                for (int i = 0; i < m; i++) {
                    q[i * n + j] -= dot * q[i * n + k];
                }
            }
            double norm = 0;
            for (int i = 0; i < m; i++) {
                norm += q[i * n + j] * q[i * n + j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) {
                q[i * n + j] /= norm;
            }
        }
        return q;
    }

    private static double fan(Tensor t, FanMode mode) {
        long[] f = fans(t);
        long v = mode == FanMode.FAN_IN ? f[0] : f[1];
        if (v == 0) {
            throw new IllegalArgumentException("Initializing zero-element tensors is a no-op (shape "
                    + Arrays.toString(t.shape()) + ")");
        }
        return v;
    }

    private static int size(Tensor t) {
        return Math.toIntExact(t.numel());
    }

    private static Generator gen(Generator g) {
        return g == null ? Ember.defaultGenerator() : g;
    }

    private static Tensor fill(Tensor t, double[] values) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("nn.init expects a floating-point tensor, got " + t.dtype());
        }
        try (NoGrad ignored = NoGrad.enter()) {
            t.copy_(Tensor.fromArray(values, t.shape()).to(t.dtype()));
        }
        return t;
    }
}
