package dev.ember.migrate.rules.eager;

import java.util.Arrays;

/**
 * A Java array value known at migration time: element type ({@code float}, {@code int}, ...), shape,
 * and row-major values ({@code null} when only the shape is known).
 */
record JArray(String elem, long[] shape, double[] flat) {

    int rank() {
        return shape.length;
    }

    /** The values as longs (for shapes, axes, strides). */
    long[] longs() {
        long[] out = new long[flat.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) flat[i];
        }
        return out;
    }

    boolean allEqual(double v) {
        return flat != null && Arrays.stream(flat).allMatch(x -> x == v);
    }

    @Override
    public String toString() {
        return elem + Arrays.toString(shape) + (flat == null ? "" : Arrays.toString(flat));
    }
}
