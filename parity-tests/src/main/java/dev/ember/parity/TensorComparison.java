package dev.ember.parity;

import dev.ember.engine.DType;
import java.util.Arrays;
import java.util.Locale;

/**
 * One named tensor compared, engine against TF (the reference): status, error statistics, the worst
 * element located in both layouts, and the tolerance used with its reason.
 *
 * <p>Comparison rules: shapes must be equal after the declared {@link Layout} maps TF's shape to the
 * engine's (never broadcast); dtypes must be equal; elements are compared in place, never sorted;
 * errors are absolute ({@code |engine - tf|}), never signed; NaN and ±Inf must be at the same
 * places with the same signs on both sides (a mismatch there counts as an infinite error).
 */
public final class TensorComparison {

    /** What the tensor is. */
    public enum Kind {
        OUTPUT("outputs"), GRADIENT("gradients"), INTERMEDIATE("intermediates");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        /** {@code outputs}, {@code gradients} or {@code intermediates} (used in paths). */
        public String plural() {
            return plural;
        }
    }

    /** The verdict; everything but {@link #PASS} fails. */
    public enum Status {
        /** Same shape and dtype, every element within tolerance, NaN/Inf masks equal. */
        PASS,
        /** Elements outside tolerance, or NaN/Inf at different places or with different signs. */
        VALUES,
        /** Dtypes differ (values are still compared when the shapes agree). */
        DTYPE,
        /** Shapes differ after the layout conversion; values not compared. */
        SHAPE,
        /** The TF side did not produce this tensor. */
        MISSING_ON_TF,
        /** The engine side did not produce this tensor. */
        MISSING_ON_ENGINE
    }

    /**
     * One element: its flat and multi-dimensional index in the engine's layout and in TF's, both
     * values (as doubles, and printed exactly), the absolute and relative errors.
     */
    public record Element(long engineFlatIndex, long[] engineIndex, long tfFlatIndex, long[] tfIndex,
            double engineValue, double tfValue, String engineText, String tfText, double absError, double relError,
            boolean nanInfMismatch) {

        /** E.g. {@code engine [0, 2, 1, 1] (flat 13) = 0.25 vs TF [0, 1, 1, 2] (flat 11) = 0.2499}. */
        public String describe() {
            return "engine " + Arrays.toString(engineIndex) + " (flat " + engineFlatIndex + ") = " + engineText
                    + " vs TF " + Arrays.toString(tfIndex) + " (flat " + tfFlatIndex + ") = " + tfText;
        }
    }

    private final String caseName;
    private final String name;
    private final Kind kind;
    private final Layout layout;
    private final Status status;
    private final String detail;
    private final DType tfDType;
    private final DType engineDType;
    private final long[] tfShape;
    private final long[] engineShape;
    private final long numel;
    private final long mismatchCount;
    private final long nanInfMismatchCount;
    private final double maxAbsError;
    private final double maxRelError;
    private final Element worst;
    private final Tolerance tolerance;

    private TensorComparison(Builder b) {
        this.caseName = b.caseName;
        this.name = b.name;
        this.kind = b.kind;
        this.layout = b.layout;
        this.status = b.status;
        this.detail = b.detail;
        this.tfDType = b.tfDType;
        this.engineDType = b.engineDType;
        this.tfShape = b.tfShape;
        this.engineShape = b.engineShape;
        this.numel = b.numel;
        this.mismatchCount = b.mismatchCount;
        this.nanInfMismatchCount = b.nanInfMismatchCount;
        this.maxAbsError = b.maxAbsError;
        this.maxRelError = b.maxRelError;
        this.worst = b.worst;
        this.tolerance = b.tolerance;
    }

    /** Compares {@code tf} (TF layout) with {@code engine} (engine layout); either may be null (missing). */
    static TensorComparison compare(String caseName, Kind kind, String name, Layout layout, TolerancePolicy policy,
            HostTensor tf, HostTensor engine) {
        Builder b = new Builder(caseName, kind, name, layout);
        b.tfDType = tf == null ? null : tf.dtype;
        b.engineDType = engine == null ? null : engine.dtype;
        b.tfShape = tf == null ? null : tf.shape.clone();
        b.engineShape = engine == null ? null : engine.shape.clone();
        b.tolerance = policy.forTensor(name, tf != null ? tf.dtype : engine.dtype);
        if (tf == null || engine == null) {
            b.status = tf == null ? Status.MISSING_ON_TF : Status.MISSING_ON_ENGINE;
            b.detail = "the " + (tf == null ? "TF" : "engine") + " side returned no tensor named '" + name + "'";
            return b.build();
        }
        if (!layout.accepts(tf.shape)) {
            b.status = Status.SHAPE;
            b.detail = "layout " + layout.describe() + " needs " + layout.requirement() + ", TF gave "
                    + Arrays.toString(tf.shape) + "; engine gave " + Arrays.toString(engine.shape);
            return b.build();
        }
        long[] expected = layout.engineShape(tf.shape);
        if (!Arrays.equals(expected, engine.shape)) {
            b.status = Status.SHAPE;
            b.detail = "shape mismatch: TF " + Arrays.toString(tf.shape)
                    + (layout.isIdentity() ? "" : " (" + Arrays.toString(expected) + " in the engine layout, " + layout
                    + ")") + " vs engine " + Arrays.toString(engine.shape) + "; not broadcast";
            return b.build();
        }
        compareValues(b, tf, tf.toEngineLayout(layout), engine);
        if (tf.dtype != engine.dtype) {
            b.status = Status.DTYPE;
            b.detail = "dtype mismatch: TF " + tf.dtype + " vs engine " + engine.dtype;
        } else if (b.mismatchCount > 0) {
            b.status = Status.VALUES;
            b.detail = b.mismatchCount + " of " + b.numel + " elements differ"
                    + (b.nanInfMismatchCount > 0 ? " (" + b.nanInfMismatchCount + " of them in the NaN/Inf mask)" : "");
        } else {
            b.status = Status.PASS;
            b.detail = "";
        }
        return b.build();
    }

    private static void compareValues(Builder b, HostTensor tfOriginal, HostTensor tf, HostTensor engine) {
        int n = engine.numel();
        b.numel = n;
        Tolerance tol = b.tolerance;
        double maxAbs = 0;
        double maxRel = 0;
        int worst = -1;
        boolean worstMask = false;
        double worstRatio = -1;
        double worstAbs = -1;
        for (int i = 0; i < n; i++) {
            double e = engine.value(i);
            double t = tf.value(i);
            boolean fe = Double.isFinite(e);
            boolean ft = Double.isFinite(t);
            if (!fe || !ft) {
                boolean same = (Double.isNaN(e) && Double.isNaN(t)) || (!fe && !ft && e == t);
                if (!same) {
                    b.mismatchCount++;
                    b.nanInfMismatchCount++;
                    if (!worstMask) {
                        worst = i;
                        worstMask = true;
                    }
                }
                continue;
            }
            double abs = absError(engine, tf, i);
            double rel = abs == 0 ? 0 : abs / Math.abs(t);
            maxAbs = Math.max(maxAbs, abs);
            maxRel = Math.max(maxRel, rel);
            double bound = tol.atol() + tol.rtol() * Math.abs(t);
            if (!(abs <= bound)) {
                b.mismatchCount++;
            }
            double ratio = abs == 0 ? 0 : bound == 0 ? Double.POSITIVE_INFINITY : abs / bound;
            if (!worstMask && abs > 0 && (ratio > worstRatio || (ratio == worstRatio && abs > worstAbs))) {
                worst = i;
                worstRatio = ratio;
                worstAbs = abs;
            }
        }
        b.maxAbsError = b.nanInfMismatchCount > 0 ? Double.POSITIVE_INFINITY : maxAbs;
        b.maxRelError = b.nanInfMismatchCount > 0 ? Double.POSITIVE_INFINITY : maxRel;
        if (worst >= 0) {
            b.worst = element(b.layout, tfOriginal, tf, engine, worst, worstMask);
        }
    }

    private static double absError(HostTensor engine, HostTensor tf, int i) {
        if (engine.isFloating() || tf.isFloating()) {
            return Math.abs(engine.value(i) - tf.value(i));
        }
        long e = engine.ints[i];
        long t = tf.ints[i];
        try {
            return Math.abs((double) Math.subtractExact(e, t));
        } catch (ArithmeticException overflow) {
            return Math.abs((double) e - (double) t);
        }
    }

    private static Element element(Layout layout, HostTensor tfOriginal, HostTensor tf, HostTensor engine, int i,
            boolean mask) {
        long[] engineIndex = HostTensor.unflatten(i, engine.shape);
        long[] tfIndex = layout.tfIndex(engineIndex, tfOriginal.shape);
        long tfFlat = HostTensor.flat(tfIndex, HostTensor.strides(tfOriginal.shape));
        double e = engine.value(i);
        double t = tf.value(i);
        double abs = mask ? Double.POSITIVE_INFINITY : absError(engine, tf, i);
        double rel = mask ? Double.POSITIVE_INFINITY : abs == 0 ? 0 : abs / Math.abs(t);
        return new Element(i, engineIndex, tfFlat, tfIndex, e, t, engine.text(i), tf.text(i), abs, rel, mask);
    }

    // ---------------------------------------------------------------- accessors

    /** The case this tensor belongs to. */
    public String caseName() {
        return caseName;
    }

    /** The tensor's name, e.g. {@code logits} or {@code dloss/dw}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Where the tensor sits: {@code case.outputs[logits]}, {@code case.gradients[dloss/dw]}, {@code case.intermediates[fc1]}. */
    public String path() {
        return caseName + "." + kind.plural() + "[" + name + "]";
    }

    public Layout layout() {
        return layout;
    }

    public Status status() {
        return status;
    }

    /** {@code true} when the status is {@link Status#PASS}. */
    public boolean passed() {
        return status == Status.PASS;
    }

    /** Why it failed, in words ("" when it passed). */
    public String detail() {
        return detail;
    }

    /** TF's dtype, or null when TF did not produce the tensor. */
    public DType tfDType() {
        return tfDType;
    }

    /** The engine's dtype, or null when the engine did not produce the tensor. */
    public DType engineDType() {
        return engineDType;
    }

    /** TF's shape (TF layout), or null. */
    public long[] tfShape() {
        return tfShape == null ? null : tfShape.clone();
    }

    /** The engine's shape (engine layout), or null. */
    public long[] engineShape() {
        return engineShape == null ? null : engineShape.clone();
    }

    /** Elements compared (0 when the shapes differ or a side is missing). */
    public long numel() {
        return numel;
    }

    /** Elements outside tolerance, NaN/Inf mask mismatches included. */
    public long mismatchCount() {
        return mismatchCount;
    }

    /** {@link #mismatchCount} / {@link #numel} (0 for an empty tensor). */
    public double mismatchFraction() {
        return numel == 0 ? 0 : (double) mismatchCount / numel;
    }

    /** Elements where NaN/±Inf sit on one side only or with different signs. */
    public long nanInfMismatchCount() {
        return nanInfMismatchCount;
    }

    /** max |engine - tf| over elements finite on both sides; +Inf if any NaN/Inf mismatch; NaN if not compared. */
    public double maxAbsError() {
        return maxAbsError;
    }

    /** max |engine - tf| / |tf| (x/0 = +Inf, 0/0 = 0); +Inf if any NaN/Inf mismatch; NaN if not compared. */
    public double maxRelError() {
        return maxRelError;
    }

    /**
     * The worst element: the first NaN/Inf mask mismatch if any, else the one furthest outside its
     * tolerance ({@code |e - t| / (atol + rtol |t|)}), ties to the larger error then the lower index;
     * null when all elements are identical or values were not compared.
     */
    public Element worst() {
        return worst;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    /** One line for failure messages: path, status, counts, errors, worst element, tolerance, layout. */
    public String describe() {
        StringBuilder s = new StringBuilder(path()).append(": ").append(status);
        if (status == Status.MISSING_ON_TF || status == Status.MISSING_ON_ENGINE || status == Status.SHAPE) {
            return s.append(" - ").append(detail).toString();
        }
        if (status == Status.DTYPE) {
            s.append(" - ").append(detail).append(";");
        }
        s.append(String.format(Locale.ROOT, " %d of %d elements (%.2f%%) outside %s", mismatchCount, numel,
                100 * mismatchFraction(), tolerance.describe()));
        if (nanInfMismatchCount > 0) {
            s.append(", ").append(nanInfMismatchCount).append(" NaN/Inf mask mismatches");
        }
        s.append("; max abs ").append(num(maxAbsError)).append(", max rel ").append(num(maxRelError));
        if (worst != null) {
            s.append("; worst at ").append(worst.describe());
        }
        if (!layout.isIdentity()) {
            s.append("; layout ").append(layout.describe());
        }
        return s.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.3e", v);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static final class Builder {
        final String caseName;
        final String name;
        final Kind kind;
        final Layout layout;
        Status status;
        String detail = "";
        DType tfDType;
        DType engineDType;
        long[] tfShape;
        long[] engineShape;
        long numel;
        long mismatchCount;
        long nanInfMismatchCount;
        double maxAbsError = Double.NaN;
        double maxRelError = Double.NaN;
        Element worst;
        Tolerance tolerance;

        Builder(String caseName, Kind kind, String name, Layout layout) {
            this.caseName = caseName;
            this.kind = kind;
            this.name = name;
            this.layout = layout;
        }

        TensorComparison build() {
            return new TensorComparison(this);
        }
    }
}
