package dev.ember.tfcompat.checkpoint;

import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffer decoder for the few TF messages the reader needs (BundleHeaderProto,
 * BundleEntryProto, TensorShapeProto, TrackableObjectGraph). Fields are visited in order; unknown
 * fields are skipped by wire type, so newer writers that add fields still decode.
 *
 * <pre>{@code
 * ProtoReader r = new ProtoReader(bytes);
 * while (r.next()) {
 *     switch (r.field()) { case 1: x = r.varint(); break; default: r.skip(); }
 * }
 * }</pre>
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteCursor in;
    private int field;
    private int wireType;

    ProtoReader(ByteCursor in) {
        this.in = in;
    }

    ProtoReader(byte[] bytes) {
        this(new ByteCursor(bytes));
    }

    /** Moves to the next field; {@code false} at the end of the message. */
    boolean next() {
        if (!in.hasRemaining()) {
            return false;
        }
        long tag = in.varint64();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0 || tag >>> 3 > Integer.MAX_VALUE) {
            throw new Malformed("protobuf field number " + (tag >>> 3) + " is invalid");
        }
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    private void expect(int type, String what) {
        if (wireType != type) {
            throw new Malformed("protobuf field " + field + " has wire type " + wireType + ", expected "
                    + type + " (" + what + ")");
        }
    }

    long varint() {
        expect(VARINT, "varint");
        return in.varint64();
    }

    /** A varint field holding an int32/enum (negative values are sign-extended to 10 bytes on the wire). */
    int int32() {
        return (int) varint();
    }

    int fixed32() {
        expect(FIXED32, "fixed32");
        return in.fixed32();
    }

    /** The payload of a length-delimited field. */
    ByteCursor message() {
        expect(LENGTH_DELIMITED, "length-delimited");
        return in.slice(in.length());
    }

    byte[] bytes() {
        expect(LENGTH_DELIMITED, "length-delimited");
        return in.bytes(in.length());
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** Skips the current field, whatever its wire type. */
    void skip() {
        switch (wireType) {
            case VARINT: in.varint64(); break;
            case FIXED64: in.skip(8); break;
            case LENGTH_DELIMITED: in.skip(in.length()); break;
            case FIXED32: in.skip(4); break;
            default:
                throw new Malformed("protobuf field " + field + " has unsupported wire type " + wireType);
        }
    }
}
