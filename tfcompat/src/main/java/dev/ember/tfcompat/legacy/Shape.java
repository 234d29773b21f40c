package dev.ember.tfcompat.legacy;

import java.util.Arrays;

/** The (possibly partially known) shape of a graph output; mirrors libtensorflow 1.15's {@code org.tensorflow.Shape}. */
public final class Shape {
    private final long[] shape;

    Shape(long[] shape) {
        this.shape = shape;
    }

    /** A shape of unknown rank. */
    public static Shape unknown() {
        return new Shape(null);
    }

    /** The shape of a scalar. */
    public static Shape scalar() {
        return new Shape(new long[0]);
    }

    /** A shape of the given dimensions (-1 for an unknown one). */
    public static Shape make(long firstDimensionSize, long... otherDimensionSizes) {
        long[] s = new long[otherDimensionSizes.length + 1];
        s[0] = firstDimensionSize;
        System.arraycopy(otherDimensionSizes, 0, s, 1, otherDimensionSizes.length);
        return new Shape(s);
    }

    /** The rank, or -1 when unknown. */
    public int numDimensions() {
        return shape == null ? -1 : shape.length;
    }

    /** Size of dimension {@code i}, -1 when unknown. */
    public long size(int i) {
        return shape[i];
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof Shape && Arrays.equals(shape, ((Shape) obj).shape);
    }

    @Override
    public String toString() {
        if (shape == null) {
            return "<unknown>";
        }
        return Arrays.toString(shape).replace("-1", "?");
    }

    long[] asArray() {
        return shape == null ? null : shape.clone();
    }

    static Shape of(org.tensorflow.ndarray.Shape s) {
        return s.isUnknown() ? unknown() : new Shape(s.asArray());
    }

    org.tensorflow.ndarray.Shape toModern() {
        return shape == null ? org.tensorflow.ndarray.Shape.unknown() : org.tensorflow.ndarray.Shape.of(shape);
    }
}
