package dev.ember.migrate.graph;

import java.util.Arrays;
import org.tensorflow.proto.DataType;

/**
 * A tensor of the generated {@code forward}: the Java expression holding it, how its layout relates
 * to the TF tensor, the TF tensor's static shape (TF layout; {@code -1} unknown; null unknown rank)
 * and its dtype.
 */
record Val(String expr, Layout layout, long[] shape, DataType dtype, long[] hwc) {

    /** How the engine tensor relates to the TF tensor it stands for. */
    enum Layout {
        /** The same tensor. */
        PLAIN,
        /** TF's NHWC tensor permuted to NCHW (the engine's convolution layout). */
        NCHW,
        /** TF's {@code [N, H*W*C]} flatten of an NHWC map, flattened from NCHW instead: {@code [N, C*H*W]}. */
        FLAT_CHW
    }

    static Val plain(String expr, long[] shape, DataType dtype) {
        return new Val(expr, Layout.PLAIN, shape, dtype, null);
    }

    Val withExpr(String e) {
        return new Val(e, layout, shape, dtype, hwc);
    }

    Val withShape(long[] s) {
        return new Val(expr, layout, s, dtype, hwc);
    }

    int rank() {
        return shape == null ? -1 : shape.length;
    }

    boolean isScalar() {
        return shape != null && shape.length == 0;
    }

    long dim(int i) {
        return shape == null || i >= shape.length ? -1 : shape[i];
    }

    @Override
    public String toString() {
        return expr + " " + layout + " " + (shape == null ? "?" : Arrays.toString(shape)) + " " + dtype;
    }
}
