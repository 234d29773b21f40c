package dev.ember.parity.tfcompat;

import dev.ember.tfcompat.internal.types.TypeInfo;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/** Moving values between double arrays, real TF-Java tensors and tfcompat tensors, for parity tests. */
final class TfValues {
    private TfValues() {
    }

    static DataType dataType(Class<? extends TType> tfType) {
        if (tfType == TFloat32.class) {
            return DataType.DT_FLOAT;
        }
        if (tfType == TFloat64.class) {
            return DataType.DT_DOUBLE;
        }
        if (tfType == TInt32.class) {
            return DataType.DT_INT32;
        }
        if (tfType == TInt64.class) {
            return DataType.DT_INT64;
        }
        if (tfType == TBool.class) {
            return DataType.DT_BOOL;
        }
        throw new IllegalArgumentException(tfType.getSimpleName());
    }

    static org.tensorflow.Tensor tensor(Class<? extends TType> type, long[] shape, double[] v) {
        Shape s = Shape.of(shape);
        if (type == TFloat32.class) {
            float[] f = new float[v.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) v[i];
            }
            return TFloat32.tensorOf(s, DataBuffers.of(f, true, false));
        }
        if (type == TFloat64.class) {
            return TFloat64.tensorOf(s, DataBuffers.of(v, true, false));
        }
        if (type == TInt32.class) {
            int[] a = new int[v.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (int) v[i];
            }
            return TInt32.tensorOf(s, DataBuffers.of(a, true, false));
        }
        if (type == TInt64.class) {
            long[] a = new long[v.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = (long) v[i];
            }
            return TInt64.tensorOf(s, DataBuffers.of(a, true, false));
        }
        throw new IllegalArgumentException(type.getSimpleName());
    }

    static dev.ember.tfcompat.Tensor ours(Class<?> type, long[] shape, double[] v) {
        dev.ember.engine.Tensor e = dev.ember.engine.Tensor.fromArray(v.clone(), shape);
        return TypeInfo.of(type).fromEngine(e);
    }

    static double[] doubles(org.tensorflow.Tensor t) {
        long n = t.shape().size();
        double[] out = new double[Math.toIntExact(n)];
        if (t instanceof TFloat32) {
            float[] f = new float[out.length];
            ((TFloat32) t).copyTo(DataBuffers.of(f, false, false));
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        } else if (t instanceof TFloat64) {
            ((TFloat64) t).copyTo(DataBuffers.of(out, false, false));
        } else if (t instanceof TInt32) {
            int[] a = new int[out.length];
            ((TInt32) t).copyTo(DataBuffers.of(a, false, false));
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (t instanceof TInt64) {
            long[] a = new long[out.length];
            ((TInt64) t).copyTo(DataBuffers.of(a, false, false));
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
        } else if (t instanceof TBool) {
            boolean[] b = new boolean[out.length];
            ((TBool) t).copyTo(DataBuffers.of(b, false, false));
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] ? 1 : 0;
            }
        } else {
            throw new IllegalArgumentException(t.dataType().toString());
        }
        return out;
    }

    static double[] doubles(dev.ember.tfcompat.Tensor t) {
        return TypeInfo.toEngine(t).to(dev.ember.engine.DType.FLOAT64).toDoubleArray();
    }
}
