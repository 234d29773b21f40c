package dev.ember.tfcompat.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a whole LevelDB-style SSTable (TF's {@code .index}) held in memory, checking everything the
 * format allows: footer magic, the masked CRC32C of every block (index, metaindex and data),
 * restart arrays, prefix-compressed keys, strictly increasing keys and index separators.
 */
final class TableReader {

    /** The table's entries in key order and how many data blocks held them. */
    record Table(List<KeyValue> entries, int dataBlocks) {
    }

    private record Handle(long offset, long size) {
    }

    private final Path file;
    private final byte[] bytes;

    private TableReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** Parses {@code bytes} (the content of {@code file}); errors name the file and the block. */
    static Table read(Path file, byte[] bytes) {
        return new TableReader(file, bytes).readAll();
    }

    private CheckpointException error(String message) {
        return new CheckpointException(file + ": " + message, file, null);
    }

    private Table readAll() {
        if (bytes.length < TableFormat.FOOTER_SIZE) {
            throw error("truncated: " + bytes.length + " bytes, shorter than the "
                    + TableFormat.FOOTER_SIZE + "-byte table footer");
        }
        int footerAt = bytes.length - TableFormat.FOOTER_SIZE;
        ByteCursor footer = new ByteCursor(bytes, footerAt, TableFormat.FOOTER_SIZE);
        long magic = new ByteCursor(bytes, bytes.length - 8, 8).fixed64();
        if (magic != TableFormat.MAGIC) {
            throw error(String.format("bad magic 0x%016x at the end of the file (expected 0x%016x): "
                    + "not a TF tensor-bundle index, or truncated", magic, TableFormat.MAGIC));
        }
        Handle meta;
        Handle index;
        try {
            meta = handle(footer);
            index = handle(footer);
        } catch (Malformed e) {
            throw error("corrupt footer: " + e.getMessage());
        }
        block(meta, "metaindex block");  // TF bundles leave it empty; read only to verify its CRC
        List<KeyValue> indexEntries = block(index, "index block");
        List<KeyValue> entries = new ArrayList<>();
        byte[] previousSeparator = null;
        for (int i = 0; i < indexEntries.size(); i++) {
            KeyValue ie = indexEntries.get(i);
            Handle h;
            try {
                h = handle(new ByteCursor(ie.value()));
            } catch (Malformed e) {
                throw error("index block entry " + i + ": corrupt block handle: " + e.getMessage());
            }
            String what = "data block " + i + " (offset " + h.offset + ", " + h.size + " bytes)";
            List<KeyValue> data = block(h, what);
            for (KeyValue kv : data) {
                if (!entries.isEmpty()
                        && KeyValue.compareKeys(entries.get(entries.size() - 1).key(), kv.key()) >= 0) {
                    throw error(what + ": key '" + kv.keyText() + "' is not after the previous key '"
                            + entries.get(entries.size() - 1).keyText() + "'");
                }
                if (KeyValue.compareKeys(kv.key(), ie.key()) > 0
                        || previousSeparator != null && KeyValue.compareKeys(kv.key(), previousSeparator) <= 0) {
                    throw error(what + ": key '" + kv.keyText() + "' is outside the range the index block gives it");
                }
                entries.add(kv);
            }
            previousSeparator = ie.key();
        }
        return new Table(entries, indexEntries.size());
    }

    private static Handle handle(ByteCursor in) {
        long offset = in.varint64();
        long size = in.varint64();
        return new Handle(offset, size);
    }

    /** Reads, CRC-checks and decodes one block. */
    private List<KeyValue> block(Handle h, String what) {
        long end = h.offset + h.size + TableFormat.TRAILER_SIZE;
        long limit = bytes.length - TableFormat.FOOTER_SIZE;
        if (h.offset < 0 || h.size < 0 || end > limit || end < 0) {
            throw error(what + " lies outside the file (" + bytes.length + " bytes): truncated or corrupt");
        }
        int off = (int) h.offset;
        int size = (int) h.size;
        int type = bytes[off + size] & 0xff;
        int stored = ByteCursor.fixed32At(bytes, off + size + 1);
        int actual = Crc32c.of(bytes, off, size + 1);
        if (Crc32c.unmask(stored) != actual) {
            throw error("CRC mismatch in " + what + ": stored " + Crc32c.hex(Crc32c.unmask(stored))
                    + ", computed " + Crc32c.hex(actual) + "; the file is corrupt");
        }
        if (type == TableFormat.SNAPPY) {
            throw error(what + " is Snappy-compressed; TF never writes bundles so and this reader does not "
                    + "decompress Snappy");
        }
        if (type != TableFormat.NO_COMPRESSION) {
            throw error(what + " has unknown compression type " + type);
        }
        try {
            return decodeBlock(bytes, off, size);
        } catch (Malformed e) {
            throw error("corrupt " + what + ": " + e.getMessage());
        }
    }

    /** Decodes the entries of one block's contents (without trailer), validating the restart array. */
    static List<KeyValue> decodeBlock(byte[] buf, int off, int size) {
        if (size < 4) {
            throw new Malformed("block of " + size + " bytes has no restart count");
        }
        long numRestarts = ByteCursor.fixed32At(buf, off + size - 4) & 0xffffffffL;
        if (numRestarts < 1 || numRestarts > (size - 4) / 4) {
            throw new Malformed("restart count " + numRestarts + " does not fit a block of " + size + " bytes");
        }
        int dataEnd = size - 4 - 4 * (int) numRestarts;
        Set<Integer> restarts = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < numRestarts; i++) {
            long r = ByteCursor.fixed32At(buf, off + dataEnd + 4 * i) & 0xffffffffL;
            if (r <= previous || (r >= dataEnd && !(r == 0 && dataEnd == 0))) {
                throw new Malformed("restart point " + i + " = " + r + " is out of order or past the entries ("
                        + dataEnd + " bytes)");
            }
            previous = r;
            restarts.add((int) r);
        }
        if (!restarts.contains(0)) {
            throw new Malformed("the first restart point is not 0");
        }
        List<KeyValue> out = new ArrayList<>();
        ByteCursor in = new ByteCursor(buf, off, dataEnd);
        byte[] key = new byte[0];
        int seenRestarts = 0;
        while (in.hasRemaining()) {
            int at = in.position() - off;
            int shared = in.length();
            int nonShared = in.length();
            int valueLength = in.length();
            boolean restart = restarts.contains(at);
            if (restart) {
                seenRestarts++;
                if (shared != 0) {
                    throw new Malformed("entry at restart point " + at + " shares " + shared + " key bytes");
                }
            }
            if (shared > key.length) {
                throw new Malformed("entry at " + at + " shares " + shared + " bytes of a " + key.length
                        + "-byte previous key");
            }
            byte[] delta = in.bytes(nonShared);
            byte[] next = new byte[shared + nonShared];
            System.arraycopy(key, 0, next, 0, shared);
            System.arraycopy(delta, 0, next, shared, nonShared);
            key = next;
            out.add(new KeyValue(key, in.bytes(valueLength)));
        }
        if (seenRestarts != restarts.size() && dataEnd > 0) {
            throw new Malformed(restarts.size() + " restart points but only " + seenRestarts
                    + " fall on entry starts");
        }
        return out;
    }
}
