package dev.ember.engine.data;

import dev.ember.engine.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An array read from an IDX file, the format of MNIST and Fashion-MNIST: magic {@code 0x00 0x00},
 * a type byte, the number of dimensions, the dimensions as big-endian int32, then the values
 * big-endian, row-major. The counterpart of torchvision's {@code read_sn3_pascalvincent_tensor}.
 * Gzipped files (recognised by their content, not their name) are read through gunzip.
 */
public final class Idx {
    /** The element types IDX defines, with their type byte and size (torchvision's {@code SN3_PASCALVINCENT_TYPEMAP}). */
    public enum ElementType {
        UBYTE(0x08, 1), BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

        final int code;
        final int size;

        ElementType(int code, int size) {
            this.code = code;
            this.size = size;
        }

        static ElementType of(int code) {
            for (ElementType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    private final ElementType type;
    private final int[] dims;
    private final byte[] data;

    private Idx(ElementType type, int[] dims, byte[] data) {
        this.type = type;
        this.dims = dims;
        this.data = data;
    }

    /**
     * Reads and validates {@code file}: the magic number, type and dimensions, and that exactly
     * the declared number of values follows (a short file is reported as truncated).
     */
    public static Idx read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return read(in, file);
            } catch (EOFException e) {
                throw new IOException("IDX file " + file + " is truncated (" + e.getMessage() + ")", e);
            } catch (ZipException e) {
                throw new IOException("IDX file " + file + " is not a valid gzip stream: " + e.getMessage(), e);
            }
        }
    }

    private static Idx read(DataInputStream in, Path file) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new IOException("IDX file " + file + " is truncated: " + got + " bytes, the magic number needs 4");
        }
        ElementType type = ElementType.of(magic[2] & 0xff);
        if (magic[0] != 0 || magic[1] != 0 || type == null || magic[3] == 0) {
            throw new IOException("IDX file " + file + " has a bad magic number " + String.format("0x%02x%02x%02x%02x",
                    magic[0], magic[1], magic[2], magic[3]) + " (expected 0x0000TTNN: type 08,09,0B,0C,0D,0E and "
                    + "1 or more dimensions)");
        }
        int[] dims = new int[magic[3] & 0xff];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new IOException("IDX file " + file + ": dimension " + i + " is negative (" + dims[i] + ")");
            }
            count *= dims[i];
            if (count * type.size > Integer.MAX_VALUE - 16) {
                throw new IOException("IDX file " + file + ": dimensions " + Arrays.toString(dims)
                        + " are more than one Java array can hold");
            }
        }
        int bytes = (int) (count * type.size);
        byte[] data = in.readNBytes(bytes);
        if (data.length < bytes) {
            throw new IOException("IDX file " + file + " is truncated: dimensions " + Arrays.toString(dims) + " of "
                    + type + " need " + bytes + " bytes of data, found " + data.length);
        }
        if (in.read() != -1) {
            throw new IOException("IDX file " + file + " has data after the " + bytes + " bytes its dimensions "
                    + Arrays.toString(dims) + " declare");
        }
        return new Idx(type, dims, data);
    }

    /** The element type. */
    public ElementType type() {
        return type;
    }

    /** The dimensions; a copy. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of values. */
    public int numel() {
        return data.length / type.size;
    }

    /** The values as stored (big-endian); not copied, treat as read-only. For UBYTE files: the pixels. */
    public byte[] rawData() {
        return data;
    }

    /**
     * The values as a tensor of the file's dimensions: UBYTE, BYTE, SHORT and INT as int32 (the
     * engine has no uint8), FLOAT as float32, DOUBLE as float64.
     */
    public Tensor toTensor() {
        long[] shape = Arrays.stream(dims).asLongStream().toArray();
        ByteBuffer b = ByteBuffer.wrap(data); // big-endian, as IDX stores
        int n = numel();
        switch (type) {
            case FLOAT: {
                float[] v = new float[n];
                b.asFloatBuffer().get(v);
                return Tensor.fromArray(v, shape);
            }
            case DOUBLE: {
                double[] v = new double[n];
                b.asDoubleBuffer().get(v);
                return Tensor.fromArray(v, shape);
            }
            default: {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = type == ElementType.UBYTE ? data[i] & 0xff : type == ElementType.BYTE ? data[i]
                            : type == ElementType.SHORT ? b.getShort(2 * i) : b.getInt(4 * i);
                }
                return Tensor.fromArray(v, shape);
            }
        }
    }
}
