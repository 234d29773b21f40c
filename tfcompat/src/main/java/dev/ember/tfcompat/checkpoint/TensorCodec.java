package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Tensor bytes as TF bundles store them: numeric tensors are raw little-endian elements, converted
 * here to engine dtypes (widening float16/bfloat16/small ints exactly); string tensors use TF's
 * "varint lengths + masked CRC of the lengths + bytes" layout ({@code tensor_bundle.cc}).
 */
final class TensorCodec {

    private TensorCodec() {
    }

    /** An engine tensor from {@code raw} (exactly numel * elementSize little-endian bytes of {@code type}). */
    static Tensor decode(TfDataType type, long[] shape, ByteBuffer raw) {
        return Tensor.fromBytes(engineBytes(type, raw), type.engineType(), shape);
    }

    /**
     * {@code raw} (little-endian elements of {@code type}) as little-endian elements of its engine dtype:
     * {@code raw} itself (a duplicate) when the bytes are the same, else a new buffer of widened values
     * (bools normalised to 0/1).
     */
    static ByteBuffer engineBytes(TfDataType type, ByteBuffer raw) {
        ByteBuffer in = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        DType target = type.engineType();
        if (target == null) {
            throw new IllegalArgumentException("dtype " + type.tfName() + " cannot be read as a tensor");
        }
        if (!type.isWidened() && type != TfDataType.BOOL) {
            return in;
        }
        int n = in.remaining() / type.elementSize();
        long widened = (long) n * target.byteSize();
        if (widened > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(type.tfName() + " tensor of " + n + " elements is " + widened
                    + " bytes as " + target.torchName() + "; tensors of 2 GiB or more are not supported yet");
        }
        ByteBuffer out = ByteBuffer.allocate((int) widened).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (type) {
                case BOOL: out.put((byte) (in.get() != 0 ? 1 : 0)); break;
                case HALF: out.putFloat(halfToFloat(in.getShort() & 0xffff)); break;
                case BFLOAT16: out.putFloat(Float.intBitsToFloat((in.getShort() & 0xffff) << 16)); break;
                case INT8: out.putInt(in.get()); break;
                case UINT8: out.putInt(in.get() & 0xff); break;
                case INT16: out.putInt(in.getShort()); break;
                case UINT16: out.putLong(in.getShort() & 0xffffL); break;
                case UINT32: out.putLong(in.getInt() & 0xffffffffL); break;
                case UINT64: {
                    long v = in.getLong();
                    if (v < 0) {
                        throw new IllegalArgumentException("uint64 element " + i + " = "
                                + Long.toUnsignedString(v) + " does not fit int64");
                    }
                    out.putLong(v);
                    break;
                }
                default: throw new IllegalStateException(type.name());
            }
        }
        return out.flip();
    }

    /** IEEE 754 binary16 to float32; exact for every value, including subnormals, infinities and NaN payloads. */
    static float halfToFloat(int h) {
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            float v = Math.scalb((float) mant, -24);
            return sign == 0 ? v : -v;
        }
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mant << 13);
        }
        return Float.intBitsToFloat(sign | (exp - 15 + 127) << 23 | mant << 13);
    }

    // ------------------------------------------------------------------ DT_STRING

    /** The on-disk bytes of a string tensor and the masked CRC TF stores for the entry. */
    record EncodedStrings(byte[] bytes, int maskedCrc) {
    }

    static EncodedStrings encodeStrings(List<byte[]> values) {
        ByteSink out = new ByteSink();
        CRC32C crc = new CRC32C();
        for (byte[] v : values) {
            out.varint(v.length);
            crc.update(lengthBytes(v.length));
        }
        int lengthCrc = Crc32c.mask((int) crc.getValue());
        out.fixed32(lengthCrc);
        crc.update(new ByteSink().fixed32(lengthCrc).toByteArray());
        for (byte[] v : values) {
            out.bytes(v);
            crc.update(v);
        }
        return new EncodedStrings(out.toByteArray(), Crc32c.mask((int) crc.getValue()));
    }

    /** TF feeds each length to the CRC as a little-endian uint32 (uint64 above 4 GiB). */
    private static byte[] lengthBytes(long length) {
        ByteSink s = new ByteSink();
        return (length > 0xffffffffL ? s.fixed64(length) : s.fixed32((int) length)).toByteArray();
    }

    /**
     * Decodes {@code count} strings from {@code raw}, verifying the stored CRC of the lengths and the
     * entry's CRC ({@code storedMaskedCrc}); throws {@link Malformed} on any mismatch.
     */
    static List<byte[]> decodeStrings(byte[] raw, long count, int storedMaskedCrc) {
        ByteCursor in = new ByteCursor(raw);
        CRC32C crc = new CRC32C();
        long[] lengths = new long[Math.toIntExact(count)];
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = in.varint64();
            if (lengths[i] < 0 || lengths[i] > raw.length) {
                throw new Malformed("string " + i + " has length " + Long.toUnsignedString(lengths[i])
                        + ", more than the entry's " + raw.length + " bytes");
            }
            total += lengths[i];
            crc.update(lengthBytes(lengths[i]));
        }
        int storedLengthCrc = in.fixed32();
        if (Crc32c.unmask(storedLengthCrc) != (int) crc.getValue()) {
            throw new Malformed("CRC mismatch in the string lengths: stored "
                    + Crc32c.hex(Crc32c.unmask(storedLengthCrc)) + ", computed " + Crc32c.hex((int) crc.getValue()));
        }
        crc.update(raw, in.position() - 4, 4);
        if (total != in.remaining()) {
            throw new Malformed("string lengths add up to " + total + " bytes but " + in.remaining() + " follow them");
        }
        List<byte[]> out = new ArrayList<>(lengths.length);
        for (long len : lengths) {
            byte[] v = in.bytes((int) len);
            crc.update(v);
            out.add(v);
        }
        if (Crc32c.unmask(storedMaskedCrc) != (int) crc.getValue()) {
            throw new Malformed("CRC mismatch: stored " + Crc32c.hex(Crc32c.unmask(storedMaskedCrc))
                    + ", computed " + Crc32c.hex((int) crc.getValue()));
        }
        return out;
    }
}
