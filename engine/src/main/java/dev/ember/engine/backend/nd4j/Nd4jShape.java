package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.ShapeKernels;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Views, copies and indexing on ND4J. */
final class Nd4jShape implements ShapeKernels {

    @Override
    public Array viewOrNull(Array a, long[] shape) {
        INDArray x = Nd4jArray.of(a);
        if (x.length() == 0) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), shape.clone()));
        }
        if (isContiguous(a)) {
            return Nd4jArray.wrap(x.reshape('c', shape.clone()));
        }
        return null;
    }

    @Override
    public Array reshapeCopy(Array a, long[] shape) {
        INDArray x = Nd4jArray.of(a);
        if (x.length() == 0) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), shape.clone()));
        }
        return Nd4jArray.wrap(x.dup('c').reshape('c', shape.clone()));
    }

    @Override
    public Array permute(Array a, int[] dims) {
        INDArray x = Nd4jArray.of(a);
        if (x.length() == 0) {
            long[] s = x.shape();
            long[] out = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                out[i] = s[dims[i]];
            }
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), out));
        }
        return Nd4jArray.wrap(x.permute(dims));
    }

    @Override
    public Array expand(Array a, long[] shape) {
        INDArray x = Nd4jArray.of(a);
        if (x.length() == 0 || Arrays.stream(shape).anyMatch(d -> d == 0)) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), shape.clone()));
        }
        INDArray out = Nd4jOps.broadcastTo(x, shape);
        return Nd4jArray.wrap(out == x ? x.dup('c') : out);
    }

    @Override
    public Array slice(Array a, int dim, long start, long end, long step) {
        INDArray x = Nd4jArray.of(a);
        long len = Math.max(0, (end - start + step - 1) / step);
        if (len == 0 || x.length() == 0) {
            long[] s = x.shape().clone();
            s[dim] = len;
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), s));
        }
        INDArrayIndex[] idx = new INDArrayIndex[x.rank()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = NDArrayIndex.all();
        }
        idx[dim] = step == 1 ? NDArrayIndex.interval(start, end) : NDArrayIndex.interval(start, step, end);
        INDArray v = x.get(idx);
        long[] expected = x.shape().clone();
        expected[dim] = len;
        if (!Arrays.equals(v.shape(), expected)) {
            // ND4J drops or keeps unit dimensions inconsistently on some slices; restore the shape.
            v = v.reshape(expected);
        }
        return Nd4jArray.wrap(v);
    }

    /** Row-major, gap-free, starting at the buffer's first element and covering all of it. */
    static boolean isDense(INDArray x) {
        return x.offset() == 0 && x.data().length() == x.length() && stridesRowMajor(x);
    }

    @Override
    public boolean isContiguous(Array a) {
        return stridesRowMajor(Nd4jArray.of(a));
    }

    private static boolean stridesRowMajor(INDArray x) {
        if (x.rank() == 0 || x.length() <= 1) {
            return true;
        }
        long[] shape = x.shape();
        long[] stride = x.stride();
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    @Override
    public Array contiguous(Array a) {
        INDArray x = Nd4jArray.of(a);
        return Nd4jArray.wrap(x.length() == 0 ? Nd4j.create(x.dataType(), x.shape()) : x.dup('c'));
    }

    @Override
    public Array cat(Array[] parts, int dim) {
        INDArray[] xs = new INDArray[parts.length];
        long total = 0;
        for (int i = 0; i < parts.length; i++) {
            xs[i] = Nd4jArray.of(parts[i]);
            total += xs[i].size(dim);
        }
        long[] shape = xs[0].shape().clone();
        shape[dim] = total;
        INDArray out = Nd4j.create(xs[0].dataType(), shape);
        if (out.length() == 0) {
            return Nd4jArray.wrap(out);
        }
        long offset = 0;
        for (INDArray x : xs) {
            long n = x.size(dim);
            if (n > 0) {
                Nd4jArray.of(slice(Nd4jArray.wrap(out), dim, offset, offset + n, 1)).assign(x);
            }
            offset += n;
        }
        return Nd4jArray.wrap(out);
    }

    @Override
    public Array gather(Array a, int dim, Array index) {
        // torch.gather: out[..i..] = a[.. index[..i..] at dim ..]; done with flat indices.
        INDArray x = Nd4jArray.of(a).dup('c');
        INDArray idx = Nd4jArray.of(index);
        long[] outShape = idx.shape();
        long[] flat = flatIndices(x.shape(), dim, outShape, idx);
        INDArray values = Nd4jOps.run("gather", Nd4j.create(x.dataType(), flat.length),
                x.reshape('c', new long[] {x.length()}), Nd4j.createFromArray(flat));
        return Nd4jArray.wrap(values.reshape('c', outShape));
    }

    @Override
    public Array scatterAdd(Array base, int dim, Array index, Array src) {
        INDArray b = Nd4jArray.of(base).dup('c');
        INDArray idx = Nd4jArray.of(index);
        INDArray s = Nd4jArray.of(src);
        long[] flat = flatIndices(b.shape(), dim, idx.shape(), idx);
        INDArray srcPart = sliceToShape(s, idx.shape()).dup('c').reshape('c', new long[] {flat.length});
        INDArray flatBase = b.reshape('c', new long[] {b.length()});
        Nd4jOps.run("scatter_add", flatBase, flatBase, Nd4j.createFromArray(flat), srcPart);
        return Nd4jArray.wrap(b);
    }

    private static INDArray sliceToShape(INDArray s, long[] shape) {
        if (Arrays.equals(s.shape(), shape)) {
            return s;
        }
        INDArrayIndex[] ix = new INDArrayIndex[shape.length];
        for (int i = 0; i < shape.length; i++) {
            ix[i] = NDArrayIndex.interval(0, shape[i]);
        }
        return s.get(ix);
    }

    /** Flat row-major positions in an array of {@code shape} addressed by {@code index} along {@code dim}. */
    private static long[] flatIndices(long[] shape, int dim, long[] idxShape, INDArray index) {
        long[] idx = index.length() == 0 ? new long[0] : index.dup('c').data().asLong();
        long[] strides = new long[shape.length];
        long st = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = st;
            st *= shape[i];
        }
        long[] out = new long[idx.length];
        long[] pos = new long[idxShape.length];
        for (int k = 0; k < idx.length; k++) {
            long v = idx[k];
            if (v < 0 || v >= shape[dim]) {
                throw new IndexOutOfBoundsException("index " + v + " is out of bounds for dimension " + dim
                        + " with size " + shape[dim]);
            }
            long f = 0;
            for (int d = 0; d < pos.length; d++) {
                f += (d == dim ? v : pos[d]) * strides[d];
            }
            out[k] = f;
            for (int d = pos.length - 1; d >= 0; d--) {
                if (++pos[d] < idxShape[d]) {
                    break;
                }
                pos[d] = 0;
            }
        }
        return out;
    }

    @Override
    public Array indexSelect(Array a, int dim, Array index) {
        INDArray x = Nd4jArray.of(a);
        INDArray idx = Nd4jArray.of(index);
        long[] shape = x.shape().clone();
        shape[dim] = idx.length();
        INDArray out = Nd4j.create(x.dataType(), shape);
        if (out.length() == 0) {
            return Nd4jArray.wrap(out);
        }
        INDArray idxLong = idx.dataType() == DataType.LONG ? idx : idx.castTo(DataType.LONG);
        return Nd4jArray.wrap(Nd4jOps.run("gather", out, x.dup('c'), idxLong.reshape('c', new long[] {idx.length()}))
                .reshape('c', shape));
    }

    @Override
    public Array indexAdd(Array base, int dim, Array index, Array src) {
        INDArray b = Nd4jArray.of(base).dup('c');
        INDArray idx = Nd4jArray.of(index);
        INDArray s = Nd4jArray.of(src);
        if (idx.length() == 0 || b.length() == 0) {
            return Nd4jArray.wrap(b);
        }
        // scatter_add works on dimension 0: move dim to the front, add, move back.
        int[] perm = moveToFront(b.rank(), dim);
        INDArray bf = b.permute(perm).dup('c');
        INDArray sf = s.permute(perm).dup('c');
        INDArray idxLong = (idx.dataType() == DataType.LONG ? idx : idx.castTo(DataType.LONG))
                .reshape('c', new long[] {idx.length()});
        Nd4jOps.run("scatter_add", bf, bf, idxLong, sf);
        return Nd4jArray.wrap(bf.permute(inverse(perm)).dup('c'));
    }

    private static int[] moveToFront(int rank, int dim) {
        int[] p = new int[rank];
        p[0] = dim;
        for (int i = 0, k = 1; i < rank; i++) {
            if (i != dim) {
                p[k++] = i;
            }
        }
        return p;
    }

    private static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return inv;
    }

    @Override
    public Array pad(Array a, long[] pads, double value) {
        INDArray x = Nd4jArray.of(a);
        long[] shape = x.shape();
        long[] out = new long[shape.length];
        INDArrayIndex[] interior = new INDArrayIndex[shape.length];
        for (int d = 0; d < shape.length; d++) {
            out[d] = shape[d] + pads[2 * d] + pads[2 * d + 1];
            interior[d] = NDArrayIndex.interval(pads[2 * d], pads[2 * d] + shape[d]);
        }
        INDArray result = Nd4j.valueArrayOf(out, value, x.dataType());
        if (x.length() > 0) {
            result.get(interior).assign(x);
        }
        return Nd4jArray.wrap(result);
    }
}
