package dev.ember.engine.backend.nd4j;

import dev.ember.engine.DType;
import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.CreationKernels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Creation and host transfer on ND4J. Values are computed in Java where that is exact and simple. */
final class Nd4jCreation implements CreationKernels {

    @Override
    public Array zeros(long[] shape, DType dtype) {
        return Nd4jArray.wrap(Nd4j.create(Nd4jArray.toNd4j(dtype), shape.clone()));
    }

    @Override
    public Array full(long[] shape, double value, DType dtype) {
        INDArray a = Nd4j.create(Nd4jArray.toNd4j(dtype), shape.clone());
        if (value != 0 && a.length() > 0) {
            a.assign(value);
        }
        return Nd4jArray.wrap(a);
    }

    @Override
    public Array arange(double start, double end, double step, DType dtype) {
        long n = (long) Math.max(0, Math.ceil((end - start) / step));
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = start + i * step;
        }
        return fromDoubles(v, new long[] {n}, dtype);
    }

    @Override
    public Array linspace(double start, double end, long steps, DType dtype) {
        double[] v = new double[Math.toIntExact(steps)];
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        long half = steps / 2;
        // Like PyTorch: first half counts up from start, second half down from end (symmetric rounding).
        for (int i = 0; i < v.length; i++) {
            v[i] = steps == 1 ? start : i < half ? start + step * i : end - step * (steps - 1 - i);
        }
        return fromDoubles(v, new long[] {steps}, dtype);
    }

    @Override
    public Array eye(long n, long m, DType dtype) {
        double[] v = new double[Math.toIntExact(n * m)];
        for (long i = 0; i < Math.min(n, m); i++) {
            v[(int) (i * m + i)] = 1;
        }
        return fromDoubles(v, new long[] {n, m}, dtype);
    }

    @Override
    public Array fromDoubles(double[] data, long[] shape, DType dtype) {
        if (data.length == 0) {
            return zeros(shape, dtype);
        }
        switch (dtype) {
            case FLOAT64:
                return Nd4jArray.wrap(Nd4j.create(data, shape.clone(), DataType.DOUBLE));
            case FLOAT32: {
                float[] f = new float[data.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) data[i];
                }
                return fromFloats(f, shape);
            }
            case INT64: case INT32: {
                long[] l = new long[data.length];
                for (int i = 0; i < l.length; i++) {
                    l[i] = (long) data[i];
                }
                return fromLongs(l, shape, dtype);
            }
            case BOOL: {
                boolean[] b = new boolean[data.length];
                for (int i = 0; i < b.length; i++) {
                    b[i] = data[i] != 0;
                }
                return fromBooleans(b, shape);
            }
            default:
                throw new IllegalArgumentException("dtype " + dtype);
        }
    }

    @Override
    public Array fromFloats(float[] data, long[] shape) {
        if (data.length == 0) {
            return zeros(shape, DType.FLOAT32);
        }
        return Nd4jArray.wrap(Nd4j.create(data, shape.clone(), 'c'));
    }

    @Override
    public Array fromLongs(long[] data, long[] shape, DType dtype) {
        if (data.length == 0) {
            return zeros(shape, dtype);
        }
        if (dtype == DType.INT32) {
            int[] i = new int[data.length];
            for (int k = 0; k < i.length; k++) {
                i[k] = (int) data[k];
            }
            return fromInts(i, shape);
        }
        if (dtype != DType.INT64) {
            double[] d = new double[data.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = data[k];
            }
            return fromDoubles(d, shape, dtype);
        }
        return Nd4jArray.wrap(reshaped(Nd4j.createFromArray(data), shape));
    }

    @Override
    public Array fromInts(int[] data, long[] shape) {
        if (data.length == 0) {
            return zeros(shape, DType.INT32);
        }
        return Nd4jArray.wrap(reshaped(Nd4j.createFromArray(data), shape));
    }

    @Override
    public Array fromBooleans(boolean[] data, long[] shape) {
        if (data.length == 0) {
            return zeros(shape, DType.BOOL);
        }
        return Nd4jArray.wrap(reshaped(Nd4j.createFromArray(data), shape));
    }

    private static INDArray reshaped(INDArray flat, long[] shape) {
        if (shape.length == 1 && shape[0] == flat.length()) {
            return flat;
        }
        return flat.reshape('c', shape.clone());
    }

    @Override
    public Array fromBytes(ByteBuffer littleEndian, long[] shape, DType dtype) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        long bytes = n * dtype.byteSize();
        if (littleEndian.remaining() != bytes) {
            throw new IllegalArgumentException("fromBytes: expected " + bytes + " bytes for " + dtype
                    + java.util.Arrays.toString(shape) + ", got " + littleEndian.remaining());
        }
        if (bytes == 0) {
            return Nd4jArray.wrap(Nd4j.create(Nd4jArray.toNd4j(dtype), shape.clone()));
        }
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new UnsupportedOperationException("fromBytes: big-endian hosts are not supported");
        }
        // Every byte is overwritten below: no zero-fill first (it cost a third of a checkpoint import's copy).
        INDArray a = Nd4j.createUninitialized(Nd4jArray.toNd4j(dtype), shape.clone());
        ByteBuffer dst = a.data().asNio().order(ByteOrder.nativeOrder());
        if (dst.capacity() < bytes) {
            throw new IllegalStateException("fromBytes: ND4J gave " + dst.capacity() + " bytes for " + bytes);
        }
        dst.limit((int) bytes);
        dst.put(littleEndian.duplicate());
        return Nd4jArray.wrap(a);
    }

    private static INDArray dense(Array a) {
        INDArray nd = Nd4jArray.of(a);
        return Nd4jShape.isDense(nd) ? nd : nd.dup('c');
    }

    @Override
    public double[] toDoubles(Array a) {
        if (a.numel() == 0) {
            return new double[0];
        }
        return dense(a).data().asDouble();
    }

    @Override
    public float[] toFloats(Array a) {
        if (a.numel() == 0) {
            return new float[0];
        }
        return dense(a).data().asFloat();
    }

    @Override
    public long[] toLongs(Array a) {
        if (a.numel() == 0) {
            return new long[0];
        }
        INDArray d = dense(a);
        if (d.dataType() == DataType.LONG || d.dataType() == DataType.INT || d.dataType() == DataType.BOOL) {
            return d.data().asLong();
        }
        double[] v = d.data().asDouble();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) v[i];
        }
        return out;
    }

    @Override
    public ByteBuffer toBytes(Array a) {
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(a.numel() * a.dtype().byteSize()))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (a.numel() > 0) {
            ByteBuffer src = dense(a).data().asNio().order(ByteOrder.nativeOrder());
            src.limit(out.capacity());
            out.put(src);
        }
        return out.flip();
    }

    @Override
    public double getDouble(Array a, long flatIndex) {
        INDArray nd = Nd4jArray.of(a);
        if (nd.rank() == 0) {
            return nd.getDouble(0);
        }
        return nd.getDouble(flatIndex);
    }
}
