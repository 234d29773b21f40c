package dev.ember.engine.nn;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.internal.Checks;
import dev.ember.engine.internal.Shapes;
import java.util.Arrays;

/**
 * The validated target of {@code crossEntropy}/{@code nllLoss}: the input is {@code (C)},
 * {@code (N, C)} or {@code (N, C, d1, ...)}; class indices are {@code ()}, {@code (N)} or
 * {@code (N, d1, ...)}. Without gather, the selected classes become a boolean mask of the
 * input's shape ({@link #hot}) that picks the log-probabilities through {@code where}: exact,
 * differentiable, and free of {@code -inf * 0} at classes that are not selected.
 */
final class ClassTargets {
    /** What a valid target holds. */
    enum Kind { INDICES, PROBABILITIES }

    final int classDim;
    final long classes;
    /** True at {@code (n, target[n, s...], s...)} of every non-ignored position; the input's shape. */
    final Tensor hot;
    /** True where the target equals ignoreIndex; the target's shape. */
    final Tensor ignored;
    /** Sum of the class weights of the non-ignored positions (their count without weights). */
    final double totalWeight;
    private final long[] inputShape;
    private final int[] hotIndex;
    private final double[] hotWeight;

    private ClassTargets(int classDim, long classes, long[] inputShape, Tensor hot, Tensor ignored, int[] hotIndex,
            double[] hotWeight, double totalWeight) {
        this.classDim = classDim;
        this.classes = classes;
        this.inputShape = inputShape;
        this.hot = hot;
        this.ignored = ignored;
        this.hotIndex = hotIndex;
        this.hotWeight = hotWeight;
        this.totalWeight = totalWeight;
    }

    /** The class dimension of {@code input}: 0 for an unbatched {@code (C)} input, else 1. */
    static int classDim(Tensor input) {
        return input.dim() == 1 ? 0 : 1;
    }

    /**
     * Checks input, weight and target, and says which kind of target this is. Floating targets of
     * the input's shape are class probabilities when {@code probabilitiesAllowed}; everything else
     * must be integer class indices of the input's shape without its class dimension.
     */
    static Kind check(String op, Tensor input, Tensor target, Tensor weight, boolean probabilitiesAllowed) {
        if (input.dim() < 1) {
            throw new IllegalArgumentException(op + " expects input of rank >= 1: (C), (N, C) or (N, C, d1, ...), got "
                    + Shapes.str(input.shape()));
        }
        Checks.floating(op, "input", input);
        long classes = input.size(classDim(input));
        if (weight != null) {
            Checks.floating(op, "weight", weight);
            if (weight.dim() != 1 || weight.numel() != classes) {
                throw new IllegalArgumentException(op + ": weight must be a 1-D tensor of one weight per class (" + classes
                        + " classes), got shape " + Shapes.str(weight.shape()));
            }
        }
        boolean inputShaped = Arrays.equals(target.shape(), input.shape());
        if (target.dtype().isFloatingPoint() && inputShaped && probabilitiesAllowed) {
            return Kind.PROBABILITIES;
        }
        if (target.dtype().isIntegral() && Arrays.equals(target.shape(), indexShape(input))) {
            return Kind.INDICES;
        }
        throw new IllegalArgumentException(badTarget(op, input, target, probabilitiesAllowed));
    }

    /** Reads and range-checks the class indices; {@code weight} may be null. */
    static ClassTargets of(String op, Tensor input, Tensor target, Tensor weight, long ignoreIndex) {
        int cd = classDim(input);
        long[] shape = input.shape();
        long classes = shape[cd];
        long inner = 1;
        for (int i = cd + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        long[] t = target.toLongArray();
        double[] w = weight == null ? null : weight.detach().toDoubleArray();
        boolean[] hot = new boolean[Math.toIntExact(input.numel())];
        boolean[] ignored = new boolean[t.length];
        int[] hotIndex = new int[t.length];
        double[] hotWeight = new double[t.length];
        double total = 0;
        for (int k = 0; k < t.length; k++) {
            if (t[k] == ignoreIndex) {
                ignored[k] = true;
                hotIndex[k] = -1;
                continue;
            }
            if (t[k] < 0 || t[k] >= classes) {
                throw new IllegalArgumentException(op + ": target class index " + t[k] + " (at flat position " + k
                        + ") is out of range for " + classes + " classes: expected 0 <= index < " + classes
                        + ", or ignoreIndex (" + ignoreIndex + ")");
            }
            long n = k / inner;
            long s = k % inner;
            hotIndex[k] = Math.toIntExact((n * classes + t[k]) * inner + s);
            hot[hotIndex[k]] = true;
            hotWeight[k] = w == null ? 1 : w[(int) t[k]];
            total += hotWeight[k];
        }
        return new ClassTargets(cd, classes, shape, Tensor.fromArray(hot, shape),
                Tensor.fromArray(ignored, target.shape()), hotIndex, hotWeight, total);
    }

    /** The input-shaped tensor holding {@code weight[target] / divisor} at the selected classes, 0 elsewhere. */
    Tensor weightMask(double divisor, DType dtype) {
        double[] m = new double[Math.toIntExact(hot.numel())];
        for (int k = 0; k < hotIndex.length; k++) {
            if (hotIndex[k] >= 0) {
                m[hotIndex[k]] = hotWeight[k] / divisor;
            }
        }
        return Tensor.fromArray(m, inputShape).to(dtype);
    }

    /** The index shape for {@code input}: its shape without the class dimension. */
    static long[] indexShape(Tensor input) {
        long[] s = input.shape();
        int cd = classDim(input);
        long[] out = new long[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) {
            if (i != cd) {
                out[k++] = s[i];
            }
        }
        return out;
    }

    private static String badTarget(String op, Tensor input, Tensor target, boolean probabilitiesAllowed) {
        long[] in = input.shape();
        long[] want = indexShape(input);
        long classes = in[classDim(input)];
        String expected = op + " expects class indices: an int64 target of shape " + Shapes.str(want)
                + " with values in [0, " + classes + ")"
                + (probabilitiesAllowed ? ", or class probabilities: a floating-point target of the input's shape "
                        + Shapes.str(in) : "")
                + "; input shape is " + Shapes.str(in) + ", ";
        String got = "got " + target.dtype() + " target of shape " + Shapes.str(target.shape());
        boolean inputShaped = Arrays.equals(target.shape(), in);
        if (inputShaped && looksOneHot(target, classDim(input))) {
            return expected + got + ": it looks like one-hot: pass class indices, e.g. target.argmax("
                    + classDim(input) + ")";
        }
        if (target.dtype() == DType.BOOL) {
            return expected + got + " (bool is not a class index type)";
        }
        if (target.dtype().isFloatingPoint()) {
            String hint = Arrays.equals(target.shape(), want) && wholeNumbers(target)
                    ? " (its values are whole numbers: convert with target.to(DType.INT64))" : "";
            return expected + got + hint;
        }
        if (inputShaped) {
            return expected + got + (probabilitiesAllowed ? " (class probabilities must be floating-point)" : "");
        }
        if (in.length >= 2 && target.dim() >= 1 && target.size(0) != in[0]) {
            return op + ": input batch size " + in[0] + " does not match target batch size " + target.size(0)
                    + " (input " + Shapes.str(in) + ", target " + Shapes.str(target.shape()) + ")";
        }
        if (target.dim() == want.length + 1 && target.size(-1) == 1
                && Arrays.equals(Arrays.copyOf(target.shape(), want.length), want)) {
            return expected + got + " (drop the trailing dimension of size 1: target.reshape("
                    + Shapes.str(want).replace("[", "").replace("]", "") + "))";
        }
        if (in.length > 2 && target.dim() == want.length) {
            return op + ": target spatial dims " + Shapes.str(Arrays.copyOfRange(target.shape(), 1, target.dim()))
                    + " do not match the input's " + Shapes.str(Arrays.copyOfRange(in, 2, in.length)) + " (input "
                    + Shapes.str(in) + " is (N, C, d1, ...), so the target must be " + Shapes.str(want) + ", got "
                    + Shapes.str(target.shape()) + ")";
        }
        return expected + got;
    }

    /** All values 0 or 1, exactly one 1 along the class dimension. */
    private static boolean looksOneHot(Tensor target, int classDim) {
        double[] v = target.detach().toDoubleArray();
        long[] s = target.shape();
        long classes = s[classDim];
        long inner = 1;
        for (int i = classDim + 1; i < s.length; i++) {
            inner *= s[i];
        }
        long outer = v.length / Math.max(1, classes * inner);
        for (long n = 0; n < outer; n++) {
            for (long j = 0; j < inner; j++) {
                int ones = 0;
                for (long c = 0; c < classes; c++) {
                    double x = v[(int) ((n * classes + c) * inner + j)];
                    if (x != 0 && x != 1) {
                        return false;
                    }
                    ones += x == 1 ? 1 : 0;
                }
                if (ones != 1) {
                    return false;
                }
            }
        }
        return v.length > 0;
    }

    private static boolean wholeNumbers(Tensor t) {
        for (double v : t.detach().toDoubleArray()) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }
}
