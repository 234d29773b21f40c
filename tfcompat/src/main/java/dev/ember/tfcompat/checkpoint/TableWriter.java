package dev.ember.tfcompat.checkpoint;

import java.util.Arrays;
import java.util.List;

/**
 * Builds a LevelDB-style SSTable the way TF's bundle writer does: uncompressed blocks cut at a target
 * size, restart interval 16 in data blocks and 1 in the index block, an empty metaindex block, masked
 * CRC32C trailers and the 48-byte footer. The index separator of each data block is its last key
 * (TF shortens it; both are valid).
 */
final class TableWriter {

    private final ByteSink file = new ByteSink();
    private final int blockSize;

    private TableWriter(int blockSize) {
        this.blockSize = blockSize;
    }

    /** The table file for {@code entries}, which must be sorted with strictly increasing keys. */
    static byte[] build(List<KeyValue> entries, int blockSize) {
        return new TableWriter(blockSize).write(entries);
    }

    private byte[] write(List<KeyValue> entries) {
        BlockBuilder data = new BlockBuilder(TableFormat.DATA_RESTART_INTERVAL);
        BlockBuilder index = new BlockBuilder(TableFormat.INDEX_RESTART_INTERVAL);
        byte[] previous = null;
        for (KeyValue kv : entries) {
            if (previous != null && KeyValue.compareKeys(previous, kv.key()) >= 0) {
                throw new IllegalArgumentException("table keys must be strictly increasing: '"
                        + kv.keyText() + "' after '" + new String(previous, java.nio.charset.StandardCharsets.UTF_8) + "'");
            }
            data.add(kv.key(), kv.value());
            previous = kv.key();
            if (data.estimatedSize() >= blockSize) {
                index.add(previous, writeBlock(data));
            }
        }
        if (!data.isEmpty()) {
            index.add(previous, writeBlock(data));
        }
        byte[] meta = writeBlock(new BlockBuilder(TableFormat.DATA_RESTART_INTERVAL));
        byte[] idx = writeBlock(index);
        ByteSink footer = new ByteSink().bytes(meta).bytes(idx);
        while (footer.size() < TableFormat.FOOTER_SIZE - 8) {
            footer.u8(0);
        }
        footer.fixed64(TableFormat.MAGIC);
        file.bytes(footer.array(), 0, footer.size());
        return file.toByteArray();
    }

    /** Appends the finished block and its trailer; returns its encoded BlockHandle. */
    private byte[] writeBlock(BlockBuilder block) {
        byte[] contents = block.finish();
        long offset = file.size();
        file.bytes(contents);
        byte[] withType = Arrays.copyOf(contents, contents.length + 1);
        withType[contents.length] = TableFormat.NO_COMPRESSION;
        file.u8(TableFormat.NO_COMPRESSION).fixed32(Crc32c.mask(Crc32c.of(withType, 0, withType.length)));
        block.reset();
        return new ByteSink().varint(offset).varint(contents.length).toByteArray();
    }

    /** LevelDB's BlockBuilder: prefix-compressed entries plus a restart array. */
    static final class BlockBuilder {
        private final int restartInterval;
        private final ByteSink buf = new ByteSink();
        private final ByteSink restarts = new ByteSink();
        private int restartCount;
        private int counter;
        private byte[] lastKey = new byte[0];
        private boolean empty = true;

        BlockBuilder(int restartInterval) {
            this.restartInterval = restartInterval;
            reset();
        }

        void reset() {
            buf.reset();
            restarts.reset();
            restarts.fixed32(0);
            restartCount = 1;
            counter = 0;
            lastKey = new byte[0];
            empty = true;
        }

        boolean isEmpty() {
            return empty;
        }

        void add(byte[] key, byte[] value) {
            int shared = 0;
            if (counter < restartInterval) {
                int max = Math.min(lastKey.length, key.length);
                while (shared < max && lastKey[shared] == key[shared]) {
                    shared++;
                }
            } else {
                restarts.fixed32(buf.size());
                restartCount++;
                counter = 0;
            }
            buf.varint(shared).varint(key.length - shared).varint(value.length);
            buf.bytes(key, shared, key.length - shared).bytes(value);
            lastKey = key;
            counter++;
            empty = false;
        }

        int estimatedSize() {
            return buf.size() + restarts.size() + 4;
        }

        byte[] finish() {
            ByteSink out = new ByteSink();
            out.bytes(buf.array(), 0, buf.size()).bytes(restarts.array(), 0, restarts.size()).fixed32(restartCount);
            return out.toByteArray();
        }
    }
}
