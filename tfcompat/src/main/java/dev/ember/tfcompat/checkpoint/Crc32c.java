package dev.ember.tfcompat.checkpoint;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) and the "masked" form TF and LevelDB store on disk
 * ({@code tsl/lib/hash/crc32c.h}): masking keeps a CRC of data that itself contains CRCs from
 * looking like a valid CRC of that data.
 */
final class Crc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private Crc32c() {
    }

    /** CRC32C of {@code len} bytes of {@code b} from {@code off}. */
    static int of(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** CRC32C of the remaining bytes of {@code buffer} (its position is not moved). */
    static int of(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate());
        return (int) crc.getValue();
    }

    /** The on-disk form of {@code crc}: rotate right by 15 bits, add a constant. */
    static int mask(int crc) {
        return Integer.rotateRight(crc, 15) + MASK_DELTA;
    }

    /** Inverse of {@link #mask(int)}. */
    static int unmask(int masked) {
        return Integer.rotateLeft(masked - MASK_DELTA, 15);
    }

    /** {@code 0x1234abcd}-style text for messages. */
    static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
