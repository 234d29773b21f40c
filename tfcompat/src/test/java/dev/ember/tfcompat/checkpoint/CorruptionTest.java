package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged checkpoints: every kind of damage is a {@link CheckpointException} naming the file and,
 * where one is involved, the entry; a CRC failure never returns data.
 */
class CorruptionTest {

    @TempDir
    Path dir;
    private Path prefix;
    private Path index;
    private Path data;

    @BeforeEach
    void writeCheckpoint() {
        prefix = dir.resolve("model.ckpt").toAbsolutePath();
        index = dir.resolve("model.ckpt.index").toAbsolutePath();
        data = dir.resolve("model.ckpt.data-00000-of-00001").toAbsolutePath();
        try (TfCheckpointWriter w = TfCheckpointWriter.create(prefix)) {
            w.add("dense/kernel", Tensor.fromArray(TfCheckpointTest.floats(6), 3, 2));  // bytes [0, 24)
            w.add("dense/bias", Tensor.of(1f, 2f));                                   // bytes [24, 32)
            w.addStrings("names", new long[] {2}, List.of("ab".getBytes(StandardCharsets.UTF_8),
                    "c".getBytes(StandardCharsets.UTF_8)));                          // bytes [32, ...)
            w.commit();
        }
    }

    private static void flip(Path file, long at) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[(int) at] ^= 0x10;
        Files.write(file, b);
    }

    private static void truncate(Path file, long length) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, (int) length));
    }

    private static CheckpointException thrown(Runnable r) {
        try {
            r.run();
        } catch (CheckpointException e) {
            return e;
        }
        throw new AssertionError("expected a CheckpointException");
    }

    @Test
    void everyByteOfTheIndexIsProtected() throws IOException {
        byte[] original = Files.readAllBytes(index);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < original.length; i++) {
            byte[] b = original.clone();
            b[i] ^= 0x01;
            Files.write(index, b);
            try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
                // the footer padding is the only place where a flip is harmless
                assertThat(i).as("flip at %d accepted", i).isBetween(original.length - 48, original.length - 9);
                assertThat(c.read("dense/bias").toFloatArray()).containsExactly(1f, 2f);
            } catch (CheckpointException e) {
                assertThat(e.getMessage()).startsWith(index.toString());
                assertThat(e.file()).isEqualTo(index);
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("CRC mismatch in data block 0"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("CRC mismatch in index block"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("CRC mismatch in metaindex block"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("bad magic"));
    }

    @Test
    void flippedDataByteFailsThatTensorOnly() throws IOException {
        flip(data, 30);  // inside dense/bias
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            CheckpointException e = thrown(() -> c.read("dense/bias"));
            assertThat(e.getMessage()).isEqualTo(String.format("CRC mismatch for entry 'dense/bias' in %s (offset 24, "
                    + "8 bytes): stored %s, computed %s; the file is corrupt", data,
                    Crc32c.hex(Crc32c.unmask(c.entry("dense/bias").maskedCrc32c())),
                    Crc32c.hex(Crc32c.of(ByteBuffer.wrap(Arrays.copyOfRange(Files.readAllBytes(data), 24, 32)))))); 
            assertThat(e.file()).isEqualTo(data);
            assertThat(e.entry()).isEqualTo("dense/bias");
            assertThat(c.read("dense/kernel").shape()).containsExactly(3, 2);
        }
    }

    @Test
    void flippedStringByteIsCaught() throws IOException {
        long size = Files.size(data);
        flip(data, size - 1);  // last string byte
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(thrown(() -> c.readStrings("names")).getMessage())
                    .startsWith("corrupt string entry 'names' in " + data).contains("CRC mismatch");
        }
        flip(data, size - 1);
        flip(data, 32);  // first length varint
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(thrown(() -> c.readStrings("names")).getMessage()).contains("names").contains(data.toString());
        }
    }

    @Test
    void truncatedIndexIsReported() throws IOException {
        long size = Files.size(index);
        truncate(index, size - 1);
        assertThat(thrown(() -> TfCheckpoint.open(prefix)).getMessage())
                .startsWith(index + ": bad magic").contains("truncated");
        truncate(index, 20);
        assertThat(thrown(() -> TfCheckpoint.open(prefix)).getMessage())
                .isEqualTo(index + ": truncated: 20 bytes, shorter than the 48-byte table footer");
    }

    @Test
    void truncatedDataNamesTheEntryAndTheFile() throws IOException {
        truncate(data, 28);
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            CheckpointException e = thrown(() -> c.read("dense/bias"));
            assertThat(e.getMessage()).isEqualTo("truncated shard file " + data + ": entry 'dense/bias' needs bytes "
                    + "[24, 32) but the file has 28 bytes");
            assertThat(e.entry()).isEqualTo("dense/bias");
            assertThat(c.read("dense/kernel").numel()).isEqualTo(6);
        }
    }

    @Test
    void missingShardNamesTheExpectedFile() throws IOException {
        Files.delete(data);
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(c.entries()).hasSize(3);  // the index alone still lists entries
            CheckpointException e = thrown(() -> c.read("dense/kernel"));
            assertThat(e.getMessage()).isEqualTo("missing shard file " + data + " (needed for entry 'dense/kernel'; "
                    + "the header declares 1 shards)");
            assertThat(e.file()).isEqualTo(data);
        }
    }

    @Test
    void sizeNotMatchingTheShapeIsReported() throws IOException {
        writeIndex(new CheckpointEntry("k", TfDataType.FLOAT.number(), new long[] {3, 2}, false, 0, 0, 20, 0, 0));
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(thrown(() -> c.read("k")).getMessage()).isEqualTo(index + ": entry 'k' has 20 bytes but "
                    + "float32 [3, 2] needs 6 x 4 = 24 bytes");
        }
    }

    @Test
    void partitionedResourceAndBadShardEntriesAreClearErrors() throws IOException {
        byte[] sliced = new ProtoWriter().int32(1, 1).message(2, new ProtoWriter().message(2,
                new ProtoWriter().varint(1, 4))).bytes(7, new byte[0]).toByteArray();
        byte[] sliceKey = {0, 'p', 'a', 'r', 't'};
        List<KeyValue> kvs = new ArrayList<>();
        kvs.add(new KeyValue(new byte[0], new BundleHeader(1, false, 1, 0, List.of()).encode()));
        kvs.add(new KeyValue(sliceKey, new byte[0]));
        kvs.add(new KeyValue("handle".getBytes(StandardCharsets.UTF_8),
                new CheckpointEntry("handle", TfDataType.RESOURCE.number(), new long[] {}, false, 0, 0, 0, 0, 0).encode()));
        kvs.add(new KeyValue("part".getBytes(StandardCharsets.UTF_8), sliced));
        Files.write(index, TableWriter.build(kvs, 4096));
        try (TfCheckpoint c = TfCheckpoint.open(prefix)) {
            assertThat(c.names()).containsExactly("handle", "part");
            assertThat(c.sliceKeyCount()).isEqualTo(1);
            assertThat(thrown(() -> c.read("part")).getMessage()).isEqualTo(index + ": entry 'part' cannot be read: "
                    + "partitioned (sliced) variable with 1 slices; not supported: re-save it unpartitioned");
            assertThat(thrown(() -> c.read("handle")).getMessage()).isEqualTo(index + ": entry 'handle' cannot be "
                    + "read: dtype resource holds no tensor values");
            assertThat(c.entry("handle").description()).isEqualTo("resource [], not readable");
        }
        writeIndex(new CheckpointEntry("k", 1, new long[] {1}, false, 3, 0, 4, 0, 0));
        assertThat(thrown(() -> TfCheckpoint.open(prefix)).getMessage())
                .isEqualTo(index + ": entry 'k' is in shard 3 but the header declares 1 shards");
    }

    @Test
    void missingHeaderAndNewerVersionsAreRejected() throws IOException {
        List<KeyValue> noHeader = List.of(new KeyValue("a".getBytes(StandardCharsets.UTF_8), new byte[0]));
        Files.write(index, TableWriter.build(noHeader, 4096));
        assertThat(thrown(() -> TfCheckpoint.open(prefix)).getMessage()).contains("no bundle header");
        List<KeyValue> newer = List.of(new KeyValue(new byte[0], new BundleHeader(1, false, 5, 4, List.of()).encode()));
        Files.write(index, TableWriter.build(newer, 4096));
        assertThat(thrown(() -> TfCheckpoint.open(prefix)).getMessage())
                .isEqualTo(index + ": unsupported bundle: written for readers of version >= 4 (producer 5); this "
                        + "reader implements version 1");
    }

    private void writeIndex(CheckpointEntry e) throws IOException {
        List<KeyValue> kvs = List.of(
                new KeyValue(new byte[0], new BundleHeader(1, false, 1, 0, List.of()).encode()),
                new KeyValue(e.name().getBytes(StandardCharsets.UTF_8), e.encode()));
        Files.write(index, TableWriter.build(kvs, 4096));
    }
}
