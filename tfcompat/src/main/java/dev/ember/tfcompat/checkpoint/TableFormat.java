package dev.ember.tfcompat.checkpoint;

/** Constants of the LevelDB-style table format TF uses for {@code .index} files ({@code tsl/lib/io/format.h}). */
final class TableFormat {

    /** {@code kTableMagicNumber}, stored little-endian in the last 8 bytes. */
    static final long MAGIC = 0xdb4775248b80fb57L;
    /** Two BlockHandles (up to 2 x 2 x 10 bytes) padded to 40 bytes, then the magic. */
    static final int FOOTER_SIZE = 48;
    /** Compression type byte + fixed32 masked CRC after every block. */
    static final int TRAILER_SIZE = 5;
    static final int NO_COMPRESSION = 0;
    static final int SNAPPY = 1;
    /** TF writes bundle data blocks until they reach this size (256 KiB, as in {@code tensor_bundle.cc}). */
    static final int BLOCK_SIZE = 256 * 1024;
    static final int DATA_RESTART_INTERVAL = 16;
    static final int INDEX_RESTART_INTERVAL = 1;

    private TableFormat() {
    }
}
