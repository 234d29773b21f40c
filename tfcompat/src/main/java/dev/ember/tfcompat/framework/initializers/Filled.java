package dev.ember.tfcompat.framework.initializers;

import dev.ember.engine.Tensor;
import dev.ember.tfcompat.Operand;
import dev.ember.tfcompat.framework.utils.ShapeUtils;
import dev.ember.tfcompat.internal.types.TypeInfo;
import dev.ember.tfcompat.op.Ops;
import dev.ember.tfcompat.types.TBool;
import dev.ember.tfcompat.types.TInt64;
import dev.ember.tfcompat.types.family.TNumber;
import dev.ember.tfcompat.types.family.TType;
import java.util.Arrays;

/**
 * A constant of the evaluated {@code dims} filled with one value converted to the target type as TF's
 * {@code Cast} converts it (floats round, integers truncate, booleans are {@code value != 0}): what
 * TF-Java's {@code tf.fill(dims, cast(constant(value), type))} computes.
 */
final class Filled {
    private Filled() {
    }

    /** Refuses types that are neither numeric nor boolean, as TF-Java's {@code Ones} and {@code Constant} do. */
    static void checkNumericOrBool(Class<?> type) {
        if (!TNumber.class.isAssignableFrom(type) && type != TBool.class) {
            throw new IllegalArgumentException("Tensor type must be numeric or boolean: " + type.getSimpleName());
        }
    }

    /** {@code value} as a double, long or boolean source (like TF-Java's constant of that Java type). */
    static <T extends TType> Operand<T> of(Ops tf, Operand<TInt64> dims, Class<T> type, Object value) {
        long[] shape = ShapeUtils.getLongArray(tf.scope(), dims);
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact));
        TypeInfo info = TypeInfo.of(type);
        Tensor t;
        switch (info.dataType()) {
            case DT_FLOAT: {
                float[] a = new float[n];
                Arrays.fill(a, (float) asDouble(value));
                t = Tensor.fromArray(a, shape);
                break;
            }
            case DT_DOUBLE: {
                double[] a = new double[n];
                Arrays.fill(a, asDouble(value));
                t = Tensor.fromArray(a, shape);
                break;
            }
            case DT_INT32:
            case DT_UINT8: {
                int[] a = new int[n];
                Arrays.fill(a, (int) asLong(value));
                t = Tensor.fromArray(a, shape);
                break;
            }
            case DT_INT64: {
                long[] a = new long[n];
                Arrays.fill(a, asLong(value));
                t = Tensor.fromArray(a, shape);
                break;
            }
            case DT_BOOL: {
                boolean[] a = new boolean[n];
                Arrays.fill(a, value instanceof Boolean ? (Boolean) value : asDouble(value) != 0);
                t = Tensor.fromArray(a, shape);
                break;
            }
            default:
                throw new IllegalArgumentException("Tensor type must be numeric or boolean: " + type.getSimpleName());
        }
        @SuppressWarnings("unchecked")
        T tensor = (T) info.fromEngine(t);
        return tf.constantOf(tensor);
    }

    private static double asDouble(Object v) {
        return v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).doubleValue();
    }

    /** TF's float-to-integer cast truncates toward zero, as Java's does. */
    private static long asLong(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        return v instanceof Long ? (Long) v : (long) ((Number) v).doubleValue();
    }
}
