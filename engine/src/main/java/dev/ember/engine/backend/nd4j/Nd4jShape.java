package dev.ember.engine.backend.nd4j;

import dev.ember.engine.backend.Array;
import dev.ember.engine.backend.ShapeKernels;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

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
        // Computed as a strided view: ND4J's own interval(start, step, end) indexing returns broken
        // views for step > 1 and start > 0, and sometimes drops unit dimensions.
        long[] shape = a.shape();
        long[] strides = strides(a);
        long len = Math.max(0, (end - start + step - 1) / step);
        shape[dim] = len;
        long offset = len == 0 ? 0 : start * strides[dim];
        strides[dim] *= step;
        return asStrided(a, shape, strides, offset);
    }

    @Override
    public Array asStrided(Array a, long[] shape, long[] strides, long offset) {
        INDArray x = Nd4jArray.of(a);
        if (x.length() == 0 || Arrays.stream(shape).anyMatch(d -> d == 0)) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), shape.clone()));
        }
        // x.offset() is where x starts in the shared buffer; ND4J reads the new offset the same way.
        return Nd4jArray.wrap(Nd4j.create(x.data(), shape.clone(), strides.clone(), x.offset() + offset, 'c'));
    }

    @Override
    public long[] strides(Array a) {
        INDArray x = Nd4jArray.of(a);
        if (x.rank() == 0) {
            return new long[0];
        }
        if (x.length() == 0) {
            return rowMajorStrides(x.shape());
        }
        return x.stride().clone();
    }

    private static long[] rowMajorStrides(long[] shape) {
        long[] st = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return st;
    }

    @Override
    public Array flip(Array a, int[] dims) {
        INDArray x = Nd4jArray.of(a);
        if (x.length() == 0 || dims.length == 0 || x.rank() == 0) {
            return contiguous(a);
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("reverse").addInputs(x).addOutputs(out).addIntegerArguments(dims).build());
        return Nd4jArray.wrap(out);
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
        if (x.length() == 0) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), x.shape()));
        }
        INDArray fast = NioCopy.contiguous(x);
        return Nd4jArray.wrap(fast != null ? fast : x.dup('c'));
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
        long[] outShape = idx.shape().clone();
        if (idx.length() == 0) {
            return Nd4jArray.wrap(Nd4j.create(x.dataType(), outShape));
        }
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
        if (idx.length() == 0) {
            return Nd4jArray.wrap(b);
        }
        long[] flat = flatIndices(b.shape(), dim, idx.shape(), idx);
        INDArray srcPart = sliceToShape(s, idx.shape()).dup('c').reshape('c', new long[] {flat.length});
        INDArray flatBase = b.reshape('c', new long[] {b.length()});
        scatterAddInPlace(flatBase, Nd4j.createFromArray(flat), srcPart);
        return Nd4jArray.wrap(b);
    }

    /** The leading corner of {@code s} with {@code shape} (src may be larger than index in scatter_add). */
    private INDArray sliceToShape(INDArray s, long[] shape) {
        if (Arrays.equals(s.shape(), shape)) {
            return s;
        }
        Array src = Nd4jArray.wrap(s);
        return Nd4jArray.of(asStrided(src, shape, strides(src), 0));
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
        for (int d = 0; d < idxShape.length; d++) {
            if (d != dim && (d >= shape.length || idxShape[d] > shape[d])) {
                // Positions past the input would address memory outside it.
                throw new IndexOutOfBoundsException("index shape " + Arrays.toString(idxShape)
                        + " is larger than the input shape " + Arrays.toString(shape) + " at dimension " + d);
            }
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
        INDArray idxLong = (idx.dataType() == DataType.LONG ? idx : idx.castTo(DataType.LONG)).dup('c')
                .reshape('c', new long[] {idx.length()});
        checkBounds("indexSelect", idxLong, dim, x.size(dim));
        // The axis must be passed: libnd4j's gather defaults to dimension 0.
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(x.dup('c'), idxLong).addOutputs(out)
                .addIntegerArguments(dim).build());
        return Nd4jArray.wrap(out);
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
        INDArray idxLong = (idx.dataType() == DataType.LONG ? idx : idx.castTo(DataType.LONG)).dup('c')
                .reshape('c', new long[] {idx.length()});
        checkBounds("indexAdd", idxLong, dim, b.size(dim));
        scatterAddInPlace(bf, idxLong, sf);
        return Nd4jArray.wrap(bf.permute(inverse(perm)).dup('c'));
    }

    /**
     * libnd4j's gather and scatter_add do not check indices: an out-of-range one reads or writes
     * outside the buffer and corrupts the native heap (seen: "double free or corruption" later, in an
     * unrelated test). Every kernel checks before calling them, whatever its caller checked.
     */
    private static void checkBounds(String op, INDArray indices, int dim, long size) {
        for (long v : indices.data().asLong()) {
            if (v < 0 || v >= size) {
                throw new IndexOutOfBoundsException(op + ": index " + v + " is out of range for dimension " + dim
                        + " with size " + size);
            }
        }
    }

    /**
     * libnd4j's scatter_add along dimension 0, in place. The lock flag makes it run serially: without
     * it the updates are spread over threads and repeated indices lose updates (a race).
     */
    private static void scatterAddInPlace(INDArray target, INDArray indices, INDArray updates) {
        Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(target, indices, updates).addOutputs(target)
                .addBooleanArguments(true).build());
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
        for (int d = 0; d < shape.length; d++) {
            out[d] = shape[d] + pads[2 * d] + pads[2 * d + 1];
        }
        INDArray result = Nd4j.valueArrayOf(out, value, x.dataType());
        if (x.length() > 0) {
            Array r = Nd4jArray.wrap(result);
            long[] strides = strides(r);
            long offset = 0;
            for (int d = 0; d < shape.length; d++) {
                offset += pads[2 * d] * strides[d];
            }
            Nd4jArray.of(asStrided(r, shape, strides, offset)).assign(x);
        }
        return Nd4jArray.wrap(result);
    }
}
