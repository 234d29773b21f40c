package dev.ember.parity;

import dev.ember.engine.DType;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A declared input of a parity case: dtype, shape <b>in the TF layout</b>, a distribution and a
 * {@link Layout}. Values are drawn once in Java from the case seed and the input's name, then given
 * to the TF side as-is and to the engine side permuted into the engine layout.
 *
 * <p>Immutable; each setter returns a new {@code Input}. Defaults: floats {@code uniform(-1, 1)},
 * ints {@code ints(0, 10)}, bools {@code ints(0, 2)}, {@link Layout#NONE}.
 *
 * <p>Values depend only on the seed, the input's name, dtype, shape and distribution (SplitMix64 and
 * a Box-Muller normal written here, so they do not change with the JDK or with other inputs).
 */
public final class Input {
    private enum Kind { UNIFORM, NORMAL, INTS, VALUES }

    private final DType dtype;
    private final long[] shape;
    private final Kind kind;
    private final double a;
    private final double b;
    private final double[] values;
    private final Layout layout;

    private Input(DType dtype, long[] shape, Kind kind, double a, double b, double[] values, Layout layout) {
        this.dtype = dtype;
        this.shape = shape;
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.values = values;
        this.layout = layout;
    }

    /** A {@code dtype} input of {@code shape} (TF layout) with the dtype's default distribution. */
    public static Input of(DType dtype, long... shape) {
        if (dtype == null) {
            throw new IllegalArgumentException("Input.of: dtype is null");
        }
        HostTensor.checkedNumel("Input " + dtype + Arrays.toString(shape), shape);
        if (dtype.isFloatingPoint()) {
            return new Input(dtype, shape.clone(), Kind.UNIFORM, -1, 1, null, Layout.NONE);
        }
        return new Input(dtype, shape.clone(), Kind.INTS, 0, dtype == DType.BOOL ? 2 : 10, null, Layout.NONE);
    }

    /** float32 input, {@code uniform(-1, 1)}. */
    public static Input float32(long... shape) {
        return of(DType.FLOAT32, shape);
    }

    /** float64 input, {@code uniform(-1, 1)}. */
    public static Input float64(long... shape) {
        return of(DType.FLOAT64, shape);
    }

    /** int32 input, {@code ints(0, 10)}. */
    public static Input int32(long... shape) {
        return of(DType.INT32, shape);
    }

    /** int64 input, {@code ints(0, 10)}. */
    public static Input int64(long... shape) {
        return of(DType.INT64, shape);
    }

    /** bool input, true or false with equal chance. */
    public static Input bool(long... shape) {
        return of(DType.BOOL, shape);
    }

    /** Uniform in {@code [low, high)}; floating dtypes only. */
    public Input uniform(double low, double high) {
        requireFloat("uniform");
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("Input.uniform: need finite low < high, got [" + low + ", " + high + ")");
        }
        return new Input(dtype, shape, Kind.UNIFORM, low, high, null, layout);
    }

    /** Normal with {@code mean} and standard deviation {@code std}; floating dtypes only. */
    public Input normal(double mean, double std) {
        requireFloat("normal");
        if (!(std > 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("Input.normal: need finite mean and std > 0, got mean " + mean
                    + ", std " + std);
        }
        return new Input(dtype, shape, Kind.NORMAL, mean, std, null, layout);
    }

    /** Integers uniform in {@code [low, high)}; for floats the integer values as floats, for bools within [0, 2). */
    public Input ints(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("Input.ints: need low < high, got [" + low + ", " + high + ")");
        }
        if ((double) high - (double) low > 0x1p53) {
            throw new IllegalArgumentException("Input.ints: the range [" + low + ", " + high + ") is wider than 2^53");
        }
        if (dtype == DType.BOOL && (low < 0 || high > 2)) {
            throw new IllegalArgumentException("Input.ints: a bool input takes values in [0, 2), got [" + low + ", "
                    + high + ")");
        }
        if (dtype == DType.INT32 && (low < Integer.MIN_VALUE || high - 1 > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("Input.ints: [" + low + ", " + high + ") does not fit int32");
        }
        return new Input(dtype, shape, Kind.INTS, low, high, null, layout);
    }

    /**
     * Fixed values, row-major in the TF layout (edge values: NaN, infinities, zeros, denormals).
     * float32 values are rounded to float; int and bool values must be integral (bool: 0 or 1).
     */
    public Input values(double... values) {
        int n = HostTensor.checkedNumel("Input.values", shape);
        if (values.length != n) {
            throw new IllegalArgumentException("Input.values: shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + values.length);
        }
        for (double v : values) {
            if (!dtype.isFloatingPoint() && (v != Math.rint(v) || (dtype == DType.BOOL && v != 0 && v != 1))) {
                throw new IllegalArgumentException("Input.values: " + v + " is not a valid " + dtype + " value");
            }
        }
        return new Input(dtype, shape, Kind.VALUES, 0, 0, values.clone(), layout);
    }

    /** How the TF-layout values are permuted for the engine side. */
    public Input layout(Layout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("Input.layout: layout is null (use Layout.NONE)");
        }
        if (!layout.accepts(shape)) {
            throw new IllegalArgumentException("Input.layout: " + layout.describe() + " cannot apply to shape "
                    + Arrays.toString(shape) + " (rank " + shape.length + ")");
        }
        return new Input(dtype, shape, kind, a, b, values, layout);
    }

    public DType dtype() {
        return dtype;
    }

    /** The shape on the TF side. */
    public long[] shape() {
        return shape.clone();
    }

    public Layout layout() {
        return layout;
    }

    /** E.g. {@code uniform(-1, 1)}, {@code normal(0, 1)}, {@code ints(0, 10)}, {@code values}. */
    public String distribution() {
        switch (kind) {
            case UNIFORM: return String.format(Locale.ROOT, "uniform(%s, %s)", num(a), num(b));
            case NORMAL: return String.format(Locale.ROOT, "normal(%s, %s)", num(a), num(b));
            case INTS: return String.format(Locale.ROOT, "ints(%d, %d)", (long) a, (long) b);
            default: return "values";
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private void requireFloat(String what) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Input." + what + ": needs a float32/float64 input, this one is "
                    + dtype + "; use ints(low, high)");
        }
    }

    /** The values in the TF layout, drawn from {@code seed} and {@code name}. */
    HostTensor generate(long seed, String name) {
        int n = HostTensor.checkedNumel("input '" + name + "'", shape);
        SplittableRandom rng = new SplittableRandom(mix(seed, name));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = draw(rng, i);
        }
        if (dtype.isFloatingPoint()) {
            if (dtype == DType.FLOAT32) {
                for (int i = 0; i < n; i++) {
                    d[i] = (float) d[i];
                }
            }
            return HostTensor.ofFloats(dtype, shape, d);
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = (long) d[i];
        }
        return HostTensor.ofInts(dtype, shape, l);
    }

    private double draw(SplittableRandom rng, int i) {
        switch (kind) {
            case UNIFORM:
                return a + (b - a) * rng.nextDouble();
            case NORMAL: {
                // Box-Muller, one value per draw so element i does not depend on pairing.
                double u1 = 1.0 - rng.nextDouble();
                double u2 = rng.nextDouble();
                return a + b * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            }
            case INTS:
                return a + Math.floor(rng.nextDouble() * (b - a));
            default:
                return values[i];
        }
    }

    private static long mix(long seed, String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return h ^ (h >>> 31);
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape) + " " + distribution() + (layout.isIdentity() ? "" : " " + layout);
    }
}
