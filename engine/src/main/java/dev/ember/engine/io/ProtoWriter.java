package dev.ember.engine.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers encoder (wire format only, no runtime dependency): enough for the
 * TensorBoard {@code Event}/{@code Summary} messages {@link SummaryWriter} writes. Callers omit
 * proto3 default values themselves, except inside a {@code oneof}, where the field must be present.
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An int64/int32/enum/bool field. */
    ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    /** A double field. */
    ProtoWriter doubleField(int field, double value) {
        tag(field, FIXED64);
        rawFixed64(Double.doubleToRawLongBits(value));
        return this;
    }

    /** A float field. */
    ProtoWriter floatField(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    /** A bytes field. */
    ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    /** A string field, UTF-8. */
    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An embedded message field. */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    /** A packed {@code repeated double} field (proto3's encoding); nothing when empty. */
    ProtoWriter packedDoubles(int field, double[] values) {
        if (values.length == 0) {
            return this;
        }
        tag(field, LENGTH_DELIMITED);
        rawVarint(8L * values.length);
        for (double v : values) {
            rawFixed64(Double.doubleToRawLongBits(v));
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void rawFixed64(long bits) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (bits >>> (8 * i)));
        }
    }
}
