package dev.ember.tfcompat.internal.types;

import dev.ember.tfcompat.types.TString;
import dev.ember.tfcompat.types.family.TType;
import java.nio.charset.StandardCharsets;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.impl.dense.DenseNdArray;
import org.tensorflow.proto.DataType;

/** {@link TString} over a Java {@code String[]}. */
public final class TStringImpl extends DenseNdArray<String> implements TString {
    private final String[] data;
    private boolean closed;

    public TStringImpl(String[] data, Shape shape) {
        super(DataBuffers.ofObjects(data), shape);
        this.data = data;
    }

    /** The backing array; engine internal. */
    public String[] data() {
        return data;
    }

    @Override
    public DataType dataType() {
        return DataType.DT_STRING;
    }

    @Override
    public long numBytes() {
        long n = 0;
        for (String s : data) {
            n += s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    @Override
    public Class<? extends TType> type() {
        return TString.class;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
