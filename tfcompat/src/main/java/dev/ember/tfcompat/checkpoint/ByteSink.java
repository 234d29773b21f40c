package dev.ember.tfcompat.checkpoint;

import java.util.Arrays;

/** A growable byte buffer with the writers matching {@link ByteCursor}: varints, fixed32/64, runs. */
final class ByteSink {

    private byte[] buf = new byte[64];
    private int size;

    int size() {
        return size;
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    ByteSink varint(long v) {
        ensure(10);
        while ((v & ~0x7fL) != 0) {
            buf[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink fixed32(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    ByteSink fixed64(long v) {
        fixed32((int) v);
        return fixed32((int) (v >>> 32));
    }

    ByteSink bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ByteSink bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    ByteSink u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    /** Direct access to the first {@link #size()} bytes (not a copy). */
    byte[] array() {
        return buf;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    void reset() {
        size = 0;
    }
}
