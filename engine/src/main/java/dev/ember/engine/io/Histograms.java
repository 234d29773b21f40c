package dev.ember.engine.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TensorBoard's {@code HistogramProto} as PyTorch builds it ({@code make_histogram} with
 * {@code bins="tensorflow"}): TF's default exponential bucket edges ({@code ±1e-12 * 1.1^k} up to
 * {@code 1e20}, and 0), numpy's histogram counting (bins {@code [e_i, e_i+1)}, the last one closed,
 * values beyond the outermost edges not counted), then the empty buckets trimmed from both ends
 * keeping one empty bucket on the left, each bucket reported with its right edge.
 */
final class Histograms {
    /** TF's {@code InitDefaultBucketsInner} edges without the {@code ±DBL_MAX} ends, as PyTorch's {@code default_bins}. */
    static final double[] DEFAULT_EDGES = defaultEdges();

    private Histograms() {
    }

    private static double[] defaultEdges() {
        List<Double> pos = new ArrayList<>();
        double v = 1e-12;
        while (v < 1e20) {
            pos.add(v);
            v *= 1.1;
        }
        double[] edges = new double[2 * pos.size() + 1];
        for (int i = 0; i < pos.size(); i++) {
            edges[pos.size() - 1 - i] = -pos.get(i);
            edges[pos.size() + 1 + i] = pos.get(i);
        }
        return edges;
    }

    /** The serialized {@code HistogramProto} of {@code values}; {@code tag} names errors. */
    static ProtoWriter encode(String tag, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("addHistogram: tag '" + tag + "' got no values");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        long[] counts = new long[DEFAULT_EDGES.length - 1];
        double last = DEFAULT_EDGES[DEFAULT_EDGES.length - 1];
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("addHistogram: tag '" + tag + "' has a non-finite value " + v
                        + " (TensorFlow refuses NaN/Inf in histograms too)");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += v * v;
            if (v >= DEFAULT_EDGES[0] && v <= last) {
                counts[bin(v == 0 ? 0.0 : v)]++; // -0.0 counts as 0.0, as numpy compares it
            }
        }
        int first = -1;
        int lastNonZero = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                lastNonZero = i;
                first = first < 0 ? i : first;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("addHistogram: tag '" + tag + "': every value lies beyond +-1e20, "
                    + "outside TensorBoard's default buckets (min " + min + ", max " + max + ")");
        }
        // PyTorch: counts[start-1:end] (or [0] + counts[:end] when start == 0), limits[start:end+1].
        // bucket[0] is the empty bin left of the first non-empty one (or a prepended 0 when first == 0).
        int n = lastNonZero - first + 2;
        double[] bucket = new double[n];
        for (int i = 1; i < n; i++) {
            bucket[i] = counts[first + i - 1];
        }
        double[] limits = Arrays.copyOfRange(DEFAULT_EDGES, first, lastNonZero + 2);
        return new ProtoWriter().doubleField(1, min).doubleField(2, max).doubleField(3, values.length)
                .doubleField(4, sum).doubleField(5, sumSquares).packedDoubles(6, limits).packedDoubles(7, bucket);
    }

    /** The bin {@code i} with {@code e_i <= v < e_i+1}; the top edge belongs to the last bin. */
    private static int bin(double v) {
        int i = Arrays.binarySearch(DEFAULT_EDGES, v);
        int b = i >= 0 ? i : -i - 2;
        return Math.min(b, DEFAULT_EDGES.length - 2);
    }
}
