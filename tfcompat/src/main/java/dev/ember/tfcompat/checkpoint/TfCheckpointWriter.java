package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a single-shard TF V2 checkpoint ({@code P.index} + {@code P.data-00000-of-00001}) in the
 * format TF's {@code BundleWriter} / {@code SaveV2} produce, readable by TF's {@code RestoreV2},
 * {@code tf.train.load_checkpoint} and {@link TfCheckpoint}. Mirrors {@code tf.raw_ops.SaveV2}.
 *
 * <p>Atomic: tensor bytes stream into a temporary file next to the prefix; {@link #commit()} writes
 * the index to another temporary file and renames both into place (data first, index last). Closing
 * without a successful commit deletes the temporary files, so a failure leaves nothing behind.
 *
 * <pre>{@code
 * try (TfCheckpointWriter w = TfCheckpointWriter.create(Path.of("out/model.ckpt"))) {
 *     w.add("dense/kernel", kernel).add("dense/bias", bias);
 *     w.commit();
 * }
 * }</pre>
 */
public final class TfCheckpointWriter implements AutoCloseable {

    private final Path prefix;
    private final Path dataTemp;
    private final FileChannel data;
    private final Map<byte[], CheckpointEntry> entries = new TreeMap<>(KeyValue::compareKeys);
    private final int blockSize;
    private long offset;
    private boolean done;

    private TfCheckpointWriter(Path prefix, int blockSize) throws IOException {
        this.prefix = prefix;
        this.blockSize = blockSize;
        this.dataTemp = Files.createTempFile(prefix.getParent(), prefix.getFileName() + ".data-", ".tmp");
        this.data = FileChannel.open(dataTemp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A writer for checkpoint prefix {@code prefix}; its directory must exist. */
    public static TfCheckpointWriter create(Path prefix) {
        return create(prefix, TableFormat.BLOCK_SIZE);
    }

    /** As {@link #create(Path)} with a smaller index block size, so tests can span several data blocks. */
    static TfCheckpointWriter create(Path prefix, int blockSize) {
        Path p = prefix.toAbsolutePath().normalize();
        if (p.getParent() == null || !Files.isDirectory(p.getParent())) {
            throw new CheckpointException("cannot write checkpoint " + p + ": directory " + p.getParent()
                    + " does not exist", p.getParent(), null);
        }
        try {
            return new TfCheckpointWriter(p, blockSize);
        } catch (IOException e) {
            throw new CheckpointException("cannot write checkpoint " + p + ": " + e, p.getParent(), null, e);
        }
    }

    /** Writes {@code tensors} (name -> tensor) as checkpoint {@code prefix}; all or nothing. */
    public static void write(Path prefix, Map<String, Tensor> tensors) {
        try (TfCheckpointWriter w = create(prefix)) {
            tensors.forEach(w::add);
            w.commit();
        }
    }

    /** Adds {@code tensor} under {@code name}, with the TF dtype of its engine dtype (no conversion). */
    public TfCheckpointWriter add(String name, Tensor tensor) {
        return addRaw(name, TfDataType.of(tensor.dtype()), tensor.shape(), tensor.detach().toBytes());
    }

    /**
     * Adds a tensor of any fixed-size numeric TF dtype (e.g. bfloat16, int8) from its little-endian
     * element bytes, row-major: {@code bytes.remaining()} must be numel * {@code dtype.elementSize()}.
     */
    public TfCheckpointWriter addRaw(String name, TfDataType dtype, long[] shape, ByteBuffer bytes) {
        checkName(name);
        if (dtype.elementSize() == 0 || dtype == TfDataType.UNKNOWN) {
            throw new IllegalArgumentException("addRaw: dtype " + dtype + " has no fixed element size; "
                    + (dtype == TfDataType.STRING ? "use addStrings" : "it cannot be written"));
        }
        long numel = numel(name, shape);
        if (bytes.remaining() != numel * dtype.elementSize()) {
            throw new IllegalArgumentException("addRaw '" + name + "': " + dtype + " " + Arrays.toString(shape)
                    + " needs " + numel * dtype.elementSize() + " bytes, got " + bytes.remaining());
        }
        ByteBuffer b = bytes.duplicate();
        int crc = Crc32c.mask(Crc32c.of(b));
        append(name, b);
        put(name, new CheckpointEntry(name, dtype.number(), shape, false, 0, offset - bytes.remaining(),
                bytes.remaining(), crc, 0));
        return this;
    }

    /** Adds a string tensor of {@code shape} with {@code values} (row-major, raw bytes). */
    public TfCheckpointWriter addStrings(String name, long[] shape, List<byte[]> values) {
        checkName(name);
        long numel = numel(name, shape);
        if (values.size() != numel) {
            throw new IllegalArgumentException("addStrings '" + name + "': shape " + Arrays.toString(shape)
                    + " needs " + numel + " values, got " + values.size());
        }
        TensorCodec.EncodedStrings enc = TensorCodec.encodeStrings(values);
        append(name, ByteBuffer.wrap(enc.bytes()));
        put(name, new CheckpointEntry(name, TfDataType.STRING.number(), shape, false, 0,
                offset - enc.bytes().length, enc.bytes().length, enc.maskedCrc(), 0));
        return this;
    }

    private void checkName(String name) {
        checkOpen();
        if (name.isEmpty() || name.charAt(0) == 0) {
            throw new IllegalArgumentException("checkpoint entry names must be non-empty and not start with "
                    + "\\0 (reserved for the header and slices), got '" + name + "'");
        }
        if (entries.containsKey(name.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalArgumentException("duplicate checkpoint entry '" + name + "'");
        }
    }

    private static long numel(String name, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("entry '" + name + "': negative dimension in "
                        + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    private void append(String name, ByteBuffer bytes) {
        try {
            ByteBuffer b = bytes.duplicate();
            while (b.hasRemaining()) {
                offset += data.write(b);
            }
        } catch (IOException e) {
            throw new CheckpointException("writing entry '" + name + "' to " + dataTemp + ": " + e, dataTemp, name, e);
        }
    }

    private void put(String name, CheckpointEntry e) {
        entries.put(name.getBytes(StandardCharsets.UTF_8), e);
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("TfCheckpointWriter for " + prefix + " is already committed or closed");
        }
    }

    /** Writes the index and moves both files into place. Call once; then {@link #close()} does nothing. */
    public void commit() {
        checkOpen();
        Path dataFile = CheckpointPaths.data(prefix, 0, 1);
        Path indexFile = CheckpointPaths.index(prefix);
        Path indexTemp = null;
        boolean dataMoved = false;
        try {
            data.force(true);
            data.close();
            List<KeyValue> kvs = new ArrayList<>();
            kvs.add(new KeyValue(new byte[0],
                    new BundleHeader(1, false, BundleHeader.VERSION, 0, List.of()).encode()));
            entries.forEach((k, e) -> kvs.add(new KeyValue(k, e.encode())));
            byte[] table = TableWriter.build(kvs, blockSize);
            indexTemp = Files.createTempFile(prefix.getParent(), prefix.getFileName() + ".index-", ".tmp");
            try (FileChannel ch = FileChannel.open(indexTemp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(table).order(ByteOrder.LITTLE_ENDIAN);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            move(dataTemp, dataFile);
            dataMoved = true;
            move(indexTemp, indexFile);
            done = true;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(indexTemp);
            if (dataMoved) {
                deleteQuietly(dataFile);
            }
            close();
            throw new CheckpointException("cannot write checkpoint " + prefix + ": " + e, indexFile, null, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the error being reported matters more
            }
        }
    }

    /** Without a successful {@link #commit()}: discards everything written (deletes the temporary file). */
    @Override
    public void close() {
        if (data.isOpen()) {
            try {
                data.close();
            } catch (IOException ignored) {
                // deleting below is what matters
            }
        }
        if (!done) {
            done = true;
            deleteQuietly(dataTemp);
        }
    }
}
