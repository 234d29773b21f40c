package dev.ember.engine.backend.nd4j;

import dev.ember.engine.DType;
import dev.ember.engine.backend.Array;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An {@link Array} over an ND4J {@link INDArray}. */
final class Nd4jArray implements Array {
    final INDArray nd;
    private final DType dtype;

    Nd4jArray(INDArray nd) {
        this.nd = nd;
        this.dtype = toDType(nd.dataType());
        if (!nd.isView() && !nd.isEmpty()) {
            Nd4jMemory.allocated(nd.length() * dtype.byteSize());
        }
    }

    static INDArray of(Array a) {
        return ((Nd4jArray) a).nd;
    }

    static Nd4jArray wrap(INDArray nd) {
        return new Nd4jArray(nd);
    }

    @Override
    public long[] shape() {
        // INDArray.shape() hands out ND4J's own array: writing to it corrupts the array (and native memory).
        return nd.shape().clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int rank() {
        return nd.rank();
    }

    @Override
    public long numel() {
        return nd.length();
    }

    @Override
    public String toString() {
        return "Nd4jArray" + java.util.Arrays.toString(nd.shape()) + " " + dtype;
    }

    static DataType toNd4j(DType t) {
        switch (t) {
            case FLOAT32: return DataType.FLOAT;
            case FLOAT64: return DataType.DOUBLE;
            case INT32: return DataType.INT;
            case INT64: return DataType.LONG;
            case BOOL: return DataType.BOOL;
            default: throw new IllegalArgumentException("dtype " + t);
        }
    }

    static DType toDType(DataType t) {
        switch (t) {
            case FLOAT: return DType.FLOAT32;
            case DOUBLE: return DType.FLOAT64;
            case INT: return DType.INT32;
            case LONG: return DType.INT64;
            case BOOL: return DType.BOOL;
            default: throw new IllegalStateException("ND4J array of unsupported data type " + t);
        }
    }
}
