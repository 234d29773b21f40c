package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSTable layer of {@code .index} files: blocks, restarts, prefix compression, footer, CRCs. */
class TableTest {

    private static final Path FILE = Path.of("t.index");

    static List<KeyValue> keys(int n) {
        List<KeyValue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String k = String.format("model/block_%05d/conv2d/kernel/.ATTRIBUTES/VARIABLE_VALUE", i);
            out.add(new KeyValue(k.getBytes(StandardCharsets.UTF_8), ("value-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static void assertSameEntries(List<KeyValue> actual, List<KeyValue> expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).key()).containsExactly(expected.get(i).key());
            assertThat(actual.get(i).value()).containsExactly(expected.get(i).value());
        }
    }

    @Test
    void roundTripOverSeveralDataBlocks() {
        List<KeyValue> in = keys(3000);
        byte[] file = TableWriter.build(in, 16 * 1024);
        TableReader.Table t = TableReader.read(FILE, file);
        assertSameEntries(t.entries(), in);
        assertThat(t.dataBlocks()).isGreaterThan(5);
    }

    @Test
    void defaultBlockSizeKeepsSmallTablesInOneBlock() {
        List<KeyValue> in = keys(100);
        assertThat(TableReader.read(FILE, TableWriter.build(in, TableFormat.BLOCK_SIZE)).dataBlocks()).isEqualTo(1);
    }

    @Test
    void footerEndsWithTheMagicLittleEndian() {
        byte[] file = TableWriter.build(keys(3), TableFormat.BLOCK_SIZE);
        assertThat(Arrays.copyOfRange(file, file.length - 8, file.length))
                .containsExactly(ProtoCodecTest.bytes(0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb));
    }

    @Test
    void blocksUseRestartInterval16AndPrefixCompression() {
        TableWriter.BlockBuilder b = new TableWriter.BlockBuilder(TableFormat.DATA_RESTART_INTERVAL);
        List<KeyValue> in = keys(40);
        in.forEach(kv -> b.add(kv.key(), kv.value()));
        byte[] block = b.finish();
        int numRestarts = ByteCursor.fixed32At(block, block.length - 4);
        assertThat(numRestarts).isEqualTo(3);  // entries 0, 16, 32
        ByteCursor c = new ByteCursor(block);
        int shared0 = c.length();
        c.skip(0);
        int nonShared0 = c.length();
        int value0 = c.length();
        c.skip(nonShared0 + value0);
        int shared1 = c.length();
        assertThat(shared0).isZero();
        assertThat(shared1).isEqualTo("model/block_0000".length());
        assertSameEntries(TableReader.decodeBlock(block, 0, block.length), in);
        // the 37 non-restart entries each share at least "model/block_000" (15 bytes) with their predecessor
        int raw = in.stream().mapToInt(kv -> 3 + kv.key().length + kv.value().length).sum() + 4 * 4;
        assertThat(block.length).isLessThanOrEqualTo(raw - 37 * 15);
    }

    @Test
    void indexBlockRestartsAtEveryEntryAndMetaindexIsEmpty() {
        TableWriter.BlockBuilder idx = new TableWriter.BlockBuilder(TableFormat.INDEX_RESTART_INTERVAL);
        keys(5).forEach(kv -> idx.add(kv.key(), kv.value()));
        byte[] block = idx.finish();
        assertThat(ByteCursor.fixed32At(block, block.length - 4)).isEqualTo(5);
        byte[] empty = new TableWriter.BlockBuilder(16).finish();
        assertThat(empty).containsExactly(ProtoCodecTest.bytes(0, 0, 0, 0, 1, 0, 0, 0));
        assertThat(TableReader.decodeBlock(empty, 0, empty.length)).isEmpty();
    }

    @Test
    void writerRejectsUnsortedKeys() {
        List<KeyValue> in = new ArrayList<>(keys(3));
        in.add(in.get(0));
        assertThatThrownBy(() -> TableWriter.build(in, 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
    }

    @Test
    void keysCompareAsUnsignedBytes() {
        byte[] a = {0x7f};
        byte[] b = {(byte) 0x80};
        assertThat(KeyValue.compareKeys(a, b)).isNegative();
        List<KeyValue> in = List.of(new KeyValue(a, a), new KeyValue(b, b));
        assertSameEntries(TableReader.read(FILE, TableWriter.build(in, 4096)).entries(), in);
    }

    @Test
    void corruptRestartArrayIsDetected() {
        TableWriter.BlockBuilder b = new TableWriter.BlockBuilder(16);
        keys(20).forEach(kv -> b.add(kv.key(), kv.value()));
        byte[] block = b.finish();
        // point restart 1 into the middle of an entry
        int at = block.length - 4 - 4;
        byte[] bad = block.clone();
        bad[at] = (byte) (bad[at] + 1);
        assertThatThrownBy(() -> TableReader.decodeBlock(bad, 0, bad.length)).isInstanceOf(Malformed.class)
                .hasMessageContaining("restart points");
        byte[] badCount = block.clone();
        badCount[block.length - 1] = (byte) 0x7f;
        assertThatThrownBy(() -> TableReader.decodeBlock(badCount, 0, badCount.length)).isInstanceOf(Malformed.class)
                .hasMessageContaining("restart count");
    }

    @Test
    void blockCrcIsCheckedAndNamesTheBlock() {
        byte[] file = TableWriter.build(keys(3000), 16 * 1024);
        byte[] bad = file.clone();
        bad[20_000] ^= 0x01;  // inside the second data block
        assertThatThrownBy(() -> TableReader.read(FILE, bad)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("t.index: CRC mismatch in data block 1 (offset ")
                .hasMessageContaining("the file is corrupt");
    }

    @Test
    void snappyBlocksAreRejectedClearly() {
        List<KeyValue> in = keys(2);
        byte[] file = TableWriter.build(in, 4096);
        // the first data block starts at 0; find its size from the decoded index handle
        TableWriter.BlockBuilder b = new TableWriter.BlockBuilder(16);
        in.forEach(kv -> b.add(kv.key(), kv.value()));
        int size = b.finish().length;
        file[size] = TableFormat.SNAPPY;
        byte[] crcInput = Arrays.copyOf(file, size + 1);
        byte[] crc = new ByteSink().fixed32(Crc32c.mask(Crc32c.of(crcInput, 0, crcInput.length))).toByteArray();
        System.arraycopy(crc, 0, file, size + 1, 4);
        assertThatThrownBy(() -> TableReader.read(FILE, file)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("data block 0 (offset 0, " + size + " bytes) is Snappy-compressed");
    }

    @Test
    void shortOrForeignFilesFailOnTheFooter() {
        assertThatThrownBy(() -> TableReader.read(FILE, new byte[10])).isInstanceOf(CheckpointException.class)
                .hasMessage("t.index: truncated: 10 bytes, shorter than the 48-byte table footer");
        assertThatThrownBy(() -> TableReader.read(FILE, new byte[100])).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("bad magic 0x0000000000000000");
    }
}
