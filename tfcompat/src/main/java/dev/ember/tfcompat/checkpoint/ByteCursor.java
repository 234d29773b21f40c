package dev.ember.tfcompat.checkpoint;

import java.util.Arrays;

/**
 * A bounds-checked reader over a slice of a byte array: LEB128 varints, little-endian fixed32/64
 * and raw byte runs, as used by LevelDB tables and protocol buffers. Every read past the slice
 * throws {@link Malformed} instead of returning garbage.
 */
final class ByteCursor {

    private final byte[] buf;
    private final int limit;
    private int pos;

    ByteCursor(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new Malformed("slice [" + offset + ", " + ((long) offset + length) + ") outside "
                    + buf.length + " bytes");
        }
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    ByteCursor(byte[] buf) {
        this(buf, 0, buf.length);
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    boolean hasRemaining() {
        return pos < limit;
    }

    private void need(long n, String what) {
        if (n < 0 || n > limit - pos) {
            throw new Malformed(what + " needs " + n + " bytes at offset " + pos + " but only "
                    + (limit - pos) + " remain");
        }
    }

    /** An unsigned LEB128 varint of at most 10 bytes. */
    long varint64() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, "varint");
            int b = buf[pos++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new Malformed("varint longer than 10 bytes at offset " + (pos - 10));
    }

    /** An unsigned LEB128 varint that must fit 32 bits (at most 5 bytes), returned as an int. */
    int varint32() {
        int start = pos;
        long v = varint64();
        if (pos - start > 5 || (v >>> 32) != 0) {
            throw new Malformed("varint32 out of range at offset " + start + ": " + Long.toUnsignedString(v));
        }
        return (int) v;
    }

    /** A non-negative varint32 usable as a length or count. */
    int length() {
        int start = pos;
        int v = varint32();
        if (v < 0) {
            throw new Malformed("length " + Integer.toUnsignedString(v) + " at offset " + start + " is too large");
        }
        return v;
    }

    int fixed32() {
        need(4, "fixed32");
        int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8 | (buf[pos + 2] & 0xff) << 16
                | (buf[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    long fixed64() {
        long lo = fixed32() & 0xffffffffL;
        long hi = fixed32() & 0xffffffffL;
        return lo | hi << 32;
    }

    byte[] bytes(int n) {
        need(n, "byte run");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A cursor over the next {@code n} bytes; this cursor moves past them. */
    ByteCursor slice(int n) {
        need(n, "byte run");
        ByteCursor c = new ByteCursor(buf, pos, n);
        pos += n;
        return c;
    }

    void skip(long n) {
        need(n, "skip");
        pos += (int) n;
    }

    static int fixed32At(byte[] b, int off) {
        return new ByteCursor(b, off, 4).fixed32();
    }
}
