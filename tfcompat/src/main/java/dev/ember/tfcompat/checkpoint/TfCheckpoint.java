package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A TensorFlow V2 checkpoint (tensor bundle) read in pure Java: {@code P.index} plus
 * {@code P.data-NNNNN-of-MMMMM} shards. Mirrors {@code tf.train.load_checkpoint(path)} /
 * {@code tf.train.list_variables} without the TF runtime.
 *
 * <p>{@link #open} parses and verifies the whole index (footer magic, every block's CRC, restart
 * arrays, key order, header version); tensors are read on demand with positioned reads of exactly
 * their bytes, and every tensor's CRC32C is checked before any value is returned.
 *
 * <pre>{@code
 * try (TfCheckpoint ckpt = TfCheckpoint.open(Path.of("training/ckpt-3"))) {
 *     for (CheckpointEntry e : ckpt.entries()) System.out.println(e);
 *     Tensor kernel = ckpt.read("dense/kernel");
 * }
 * }</pre>
 *
 * <p>Element types: see {@link TfDataType} (float16/bfloat16 are read as float32, int8/int16/uint8 as
 * int32, uint16/uint32 as int64). Partitioned variables, resource/variant entries and V1 checkpoints
 * are reported with a clear {@link CheckpointException}. Thread-safe for concurrent reads.
 */
public final class TfCheckpoint implements AutoCloseable {

    /** Key of the serialized {@code TrackableObjectGraph} in TF2 object-based checkpoints. */
    public static final String OBJECT_GRAPH_KEY = "_CHECKPOINTABLE_OBJECT_GRAPH";

    private final Path prefix;
    private final Path indexFile;
    private final BundleHeader header;
    private final Map<String, CheckpointEntry> entries;
    private final int dataBlocks;
    private final int sliceKeys;
    private final FileChannel[] shards;
    private boolean closed;

    private TfCheckpoint(Path prefix, Path indexFile, BundleHeader header, Map<String, CheckpointEntry> entries,
                         int dataBlocks, int sliceKeys) {
        this.prefix = prefix;
        this.indexFile = indexFile;
        this.header = header;
        this.entries = Collections.unmodifiableMap(entries);
        this.dataBlocks = dataBlocks;
        this.sliceKeys = sliceKeys;
        this.shards = new FileChannel[header.numShards()];
    }

    /**
     * Opens a checkpoint given as a prefix ({@code dir/ckpt-3}), its {@code .index} file, a directory
     * with a {@code checkpoint} state file (the latest checkpoint is opened) or a SavedModel directory
     * ({@code variables/variables}). Reads and verifies the index; shard files are opened on first read.
     */
    public static TfCheckpoint open(Path path) {
        Path prefix = CheckpointPaths.resolve(path);
        Path indexFile = CheckpointPaths.index(prefix);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(indexFile);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + indexFile + ": " + e, indexFile, null, e);
        }
        TableReader.Table table = TableReader.read(indexFile, bytes);
        List<KeyValue> kvs = table.entries();
        if (kvs.isEmpty() || kvs.get(0).key().length != 0) {
            throw new CheckpointException(indexFile + ": no bundle header (the entry with the empty key); "
                    + "not a tensor-bundle index", indexFile, null);
        }
        BundleHeader header;
        try {
            header = BundleHeader.decode(kvs.get(0).value());
        } catch (Malformed e) {
            throw new CheckpointException(indexFile + ": corrupt bundle header: " + e.getMessage(), indexFile, null);
        }
        String incompatible = header.incompatibility();
        if (incompatible != null) {
            throw new CheckpointException(indexFile + ": unsupported bundle: " + incompatible, indexFile, null);
        }
        Map<String, CheckpointEntry> entries = new LinkedHashMap<>();
        int sliceKeys = 0;
        for (KeyValue kv : kvs.subList(1, kvs.size())) {
            if (kv.key()[0] == 0) {
                sliceKeys++;  // data of one slice of a partitioned variable (TF's ordered-code key)
                continue;
            }
            String name = kv.keyText();
            CheckpointEntry e;
            try {
                e = CheckpointEntry.decode(name, kv.value());
            } catch (Malformed m) {
                throw new CheckpointException(indexFile + ": corrupt entry '" + name + "': " + m.getMessage(),
                        indexFile, name);
            }
            if (e.shardId() < 0 || e.shardId() >= header.numShards()) {
                throw new CheckpointException(indexFile + ": entry '" + name + "' is in shard " + e.shardId()
                        + " but the header declares " + header.numShards() + " shards", indexFile, name);
            }
            entries.put(name, e);
        }
        return new TfCheckpoint(prefix, indexFile, header, entries, table.dataBlocks(), sliceKeys);
    }

    /** The prefix, e.g. {@code /runs/train/ckpt-3} (without {@code .index}). */
    public Path prefix() {
        return prefix;
    }

    public Path indexFile() {
        return indexFile;
    }

    /** The expected path of data shard {@code shard}, {@code P.data-0000S-of-0000N}. */
    public Path shardFile(int shard) {
        return CheckpointPaths.data(prefix, shard, header.numShards());
    }

    public BundleHeader header() {
        return header;
    }

    /** Every tensor entry in key order (the header and slice-data keys of partitioned variables excluded). */
    public List<CheckpointEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry names in key order. */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The entry called {@code name}; an error naming the index file when there is none. */
    public CheckpointEntry entry(String name) {
        CheckpointEntry e = entries.get(name);
        if (e == null) {
            throw new CheckpointException("no entry '" + name + "' in " + indexFile + " (" + entries.size()
                    + " entries)", indexFile, name);
        }
        return e;
    }

    /** Number of data blocks in the {@code .index} table (diagnostics; TF cuts blocks at 256 KiB). */
    public int indexDataBlocks() {
        return dataBlocks;
    }

    /** Number of keys holding slices of partitioned variables (not listed in {@link #entries()}). */
    int sliceKeyCount() {
        return sliceKeys;
    }

    /**
     * The tensor called {@code name} as an engine tensor (dtype per {@link TfDataType#engineType()});
     * mirrors {@code CheckpointReader.get_tensor(name)}. Reads exactly the tensor's bytes and verifies
     * their CRC32C first: a corrupt tensor is an error, never data.
     */
    public Tensor read(String name) {
        CheckpointEntry e = entry(name);
        return read(e, null, null, e.shape(), null);
    }

    /**
     * {@link #read} of {@code e}, its elements permuted on the way: the stored row-major elements viewed
     * with shape {@code view} (same count as the entry's shape), permuted by {@code dims} (output dimension
     * {@code k} is view dimension {@code dims[k]}; {@code null}: unchanged) and shaped {@code out}. Equal to
     * {@code read(name).reshape(view).permute(dims).contiguous().reshape(out)}, without the intermediate
     * tensors: {@link #decode} then {@link #toTensor}. {@code scratch} (may be {@code null}) lends the arrays.
     */
    Tensor read(CheckpointEntry e, long[] view, int[] dims, long[] out, Scratch scratch) {
        Decoded d = decode(e, view, dims, out, scratch);
        try {
            return toTensor(d);
        } finally {
            if (scratch != null) {
                scratch.give(d.array());
            }
        }
    }

    /**
     * A tensor's final element bytes, {@code length} bytes of {@code array} from 0 (little-endian elements
     * of {@code dtype}, row-major over {@code shape}), made by {@link #decode}, turned into a tensor by
     * {@link #toTensor}.
     */
    record Decoded(CheckpointEntry entry, byte[] array, int length, DType dtype, long[] shape) {
    }

    /**
     * The first half of {@link #read(CheckpointEntry, long[], int[], long[], Scratch)}, everything but the
     * engine tensor: reads the entry's bytes (CRC32C verified before anything else), widens them to the engine
     * dtype and permutes them, in arrays taken from {@code scratch} (may be {@code null}). Pure Java: several
     * threads can decode at once while one thread makes the tensors.
     */
    Decoded decode(CheckpointEntry e, long[] view, int[] dims, long[] out, Scratch scratch) {
        String why = e.unreadableReason();
        if (why != null) {
            throw new CheckpointException(indexFile + ": entry '" + e.name() + "' cannot be read: " + why, indexFile,
                    e.name());
        }
        checkSize(e);
        int size = (int) e.size();
        byte[] raw = readStored(e, scratch == null ? null : scratch.take(size), true);
        try {
            ByteBuffer bytes = TensorCodec.engineBytes(e.dtype(), ByteBuffer.wrap(raw, 0, size).slice());
            DType type = e.dtype().engineType();
            int n = bytes.remaining();
            byte[] result = bytes.array();   // raw, or the widened copy (offset 0 both)
            if (result != raw && scratch != null) {
                scratch.give(raw);
            }
            if (dims != null) {
                byte[] dst = scratch == null ? new byte[n] : scratch.take(n);
                BlockedPermute.permute(result, 0, view, dims, type.byteSize(), dst, 0);
                if (scratch != null) {
                    scratch.give(result);
                }
                result = dst;
            }
            return new Decoded(e, result, n, type, out.clone());
        } catch (IllegalArgumentException x) {
            throw new CheckpointException(shardFile(e.shardId()) + ": entry '" + e.name() + "': " + x.getMessage(),
                    shardFile(e.shardId()), e.name(), x);
        }
    }

    /** The engine tensor of {@code d} (one native copy of its bytes); {@code d}'s array can be reused after. */
    Tensor toTensor(Decoded d) {
        try {
            return Tensor.fromBytes(ByteBuffer.wrap(d.array(), 0, d.length()).slice().order(ByteOrder.LITTLE_ENDIAN),
                    d.dtype(), d.shape());
        } catch (IllegalArgumentException x) {
            Path f = shardFile(d.entry().shardId());
            throw new CheckpointException(f + ": entry '" + d.entry().name() + "': " + x.getMessage(), f,
                    d.entry().name(), x);
        }
    }

    /**
     * Byte arrays lent to {@link #decode} and given back once their bytes are in a tensor, so a large
     * import does not allocate (and the JVM zero) a new array per tensor. By default keeps at most
     * {@link #KEEP_ARRAYS} arrays of at most {@link #KEEP_BYTES} each and {@link #KEEP_TOTAL} bytes in all.
     * Thread-safe: the reading threads share one.
     */
    static final class Scratch {
        static final int KEEP_BYTES = 64 << 20;
        static final long KEEP_TOTAL = 128L << 20;
        static final int KEEP_ARRAYS = 12;
        private final int keepBytes;
        private final long keepTotal;
        private final int keepArrays;
        private final ArrayDeque<byte[]> free = new ArrayDeque<>();
        private long keptBytes;

        Scratch() {
            this(KEEP_BYTES, KEEP_TOTAL, KEEP_ARRAYS);
        }

        Scratch(int keepBytes, long keepTotal, int keepArrays) {
            this.keepBytes = keepBytes;
            this.keepTotal = keepTotal;
            this.keepArrays = keepArrays;
        }

        /** The smallest kept array of at least {@code size} bytes, else a new one of exactly {@code size}. */
        synchronized byte[] take(int size) {
            byte[] best = null;
            for (byte[] a : free) {
                if (a.length >= size && (best == null || a.length < best.length)) {
                    best = a;
                }
            }
            if (best == null) {
                return new byte[size];
            }
            free.remove(best);
            keptBytes -= best.length;
            return best;
        }

        /** Returns {@code a} for reuse (dropped when too large or when enough are kept). */
        synchronized void give(byte[] a) {
            if (a != null && a.length <= keepBytes && free.size() < keepArrays && keptBytes + a.length <= keepTotal) {
                free.push(a);
                keptBytes += a.length;
            }
        }

        synchronized int kept() {
            return free.size();
        }
    }

    /**
     * The stored bytes of the fixed-size tensor {@code name} (little-endian elements, row-major, in
     * its TF dtype: e.g. 2 bytes per bfloat16), after verifying their CRC32C. Also works for dtypes
     * {@link #read} cannot convert (complex, quantized); not for strings, resources or variants.
     */
    public ByteBuffer readBytes(String name) {
        CheckpointEntry e = entry(name);
        if (e.isSliced() || e.dtype().elementSize() == 0 || e.dtype() == TfDataType.UNKNOWN) {
            throw new CheckpointException(indexFile + ": entry '" + name + "' (" + e.description()
                    + ") has no fixed-size element bytes", indexFile, name);
        }
        checkSize(e);
        return ByteBuffer.wrap(readStored(e, null, true)).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The elements of the string tensor {@code name}, row-major, as raw bytes (TF strings are bytes);
     * its shape is {@code entry(name).shape()}. Verifies the CRC of the lengths and of the entry.
     */
    public List<byte[]> readStrings(String name) {
        CheckpointEntry e = entry(name);
        if (e.dtype() != TfDataType.STRING) {
            throw new CheckpointException(indexFile + ": entry '" + name + "' is " + e.description()
                    + ", not a string tensor; use read", indexFile, name);
        }
        if (e.isSliced()) {
            throw new CheckpointException(indexFile + ": entry '" + name + "' cannot be read: "
                    + e.unreadableReason(), indexFile, name);
        }
        byte[] bytes = readStored(e, null, false);
        try {
            return TensorCodec.decodeStrings(bytes, e.numElements(), e.maskedCrc32c());
        } catch (Malformed | ArithmeticException x) {
            throw crcMismatchOrCorrupt(e, x.getMessage());
        }
    }

    /** The parsed {@code _CHECKPOINTABLE_OBJECT_GRAPH} of a TF2 object-based checkpoint, if it has one. */
    public Optional<ObjectGraph> objectGraph() {
        if (!has(OBJECT_GRAPH_KEY) || entry(OBJECT_GRAPH_KEY).dtype() != TfDataType.STRING) {
            return Optional.empty();
        }
        List<byte[]> values = readStrings(OBJECT_GRAPH_KEY);
        if (values.size() != 1) {
            throw new CheckpointException(indexFile + ": " + OBJECT_GRAPH_KEY + " holds " + values.size()
                    + " strings, expected a scalar", indexFile, OBJECT_GRAPH_KEY);
        }
        try {
            return Optional.of(ObjectGraph.decode(values.get(0)));
        } catch (Malformed m) {
            Path f = shardFile(entry(OBJECT_GRAPH_KEY).shardId());
            throw new CheckpointException(f + ": corrupt " + OBJECT_GRAPH_KEY + ": " + m.getMessage(), f,
                    OBJECT_GRAPH_KEY);
        }
    }

    private void checkSize(CheckpointEntry e) {
        long expected;
        try {
            expected = Math.multiplyExact(e.numElements(), e.dtype().elementSize());
        } catch (ArithmeticException x) {
            expected = -1;
        }
        if (expected != e.size()) {
            throw new CheckpointException(indexFile + ": entry '" + e.name() + "' has " + e.size() + " bytes but "
                    + e.dtype().tfName() + " " + e.shapeText() + " needs " + e.numElements() + " x "
                    + e.dtype().elementSize() + " = " + expected + " bytes", indexFile, e.name());
        }
    }

    private CheckpointException crcMismatch(CheckpointEntry e, String detail) {
        Path f = shardFile(e.shardId());
        return new CheckpointException("CRC mismatch for entry '" + e.name() + "' in " + f + " (offset "
                + e.offset() + ", " + e.size() + " bytes): stored " + detail + "; the file is corrupt", f, e.name());
    }

    private CheckpointException crcMismatchOrCorrupt(CheckpointEntry e, String detail) {
        Path f = shardFile(e.shardId());
        return new CheckpointException("corrupt string entry '" + e.name() + "' in " + f + " (offset "
                + e.offset() + ", " + e.size() + " bytes): " + detail, f, e.name());
    }

    /** Bytes per positioned read: each piece's CRC is taken while it is still in the CPU cache. */
    private static final int READ_CHUNK = 1 << 20;

    /**
     * Exactly the entry's bytes from its shard (positioned reads, never the whole shard), in
     * {@code into[0, size)}, or in a new array of exactly {@code size} bytes when {@code into} is
     * {@code null} or too short. With {@code verify}, the entry's CRC32C is checked before returning.
     */
    private byte[] readStored(CheckpointEntry e, byte[] into, boolean verify) {
        Path f = shardFile(e.shardId());
        if (e.size() > Integer.MAX_VALUE - 64) {
            throw new CheckpointException(f + ": entry '" + e.name() + "' is " + e.size()
                    + " bytes; tensors of 2 GiB or more are not supported yet", f, e.name());
        }
        int size = (int) e.size();
        FileChannel ch = channel(e);
        try {
            long length = ch.size();
            if (e.offset() + e.size() > length) {
                throw new CheckpointException("truncated shard file " + f + ": entry '" + e.name() + "' needs bytes ["
                        + e.offset() + ", " + (e.offset() + e.size()) + ") but the file has " + length + " bytes",
                        f, e.name());
            }
            byte[] out = into != null && into.length >= size ? into : new byte[size];
            CRC32C crc = verify ? new CRC32C() : null;
            int done = 0;
            while (done < size) {
                int chunk = Math.min(READ_CHUNK, size - done);
                ByteBuffer buf = ByteBuffer.wrap(out, done, chunk);
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, e.offset() + buf.position());
                    if (n < 0) {
                        throw new CheckpointException("truncated shard file " + f + " while reading entry '"
                                + e.name() + "'", f, e.name());
                    }
                }
                if (crc != null) {
                    crc.update(out, done, chunk);
                }
                done += chunk;
            }
            if (crc != null) {
                int actual = (int) crc.getValue();
                if (actual != Crc32c.unmask(e.maskedCrc32c())) {
                    throw crcMismatch(e, Crc32c.hex(Crc32c.unmask(e.maskedCrc32c())) + ", computed "
                            + Crc32c.hex(actual));
                }
            }
            return out;
        } catch (IOException x) {
            throw new CheckpointException("cannot read " + f + " for entry '" + e.name() + "': " + x, f, e.name(), x);
        }
    }

    private synchronized FileChannel channel(CheckpointEntry e) {
        if (closed) {
            throw new IllegalStateException("TfCheckpoint " + prefix + " is closed");
        }
        int s = e.shardId();
        if (shards[s] == null) {
            Path f = shardFile(s);
            try {
                shards[s] = FileChannel.open(f);
            } catch (NoSuchFileException x) {
                throw new CheckpointException("missing shard file " + f + " (needed for entry '" + e.name()
                        + "'; the header declares " + header.numShards() + " shards)", f, e.name(), x);
            } catch (IOException x) {
                throw new CheckpointException("cannot open shard file " + f + " for entry '" + e.name() + "': " + x,
                        f, e.name(), x);
            }
        }
        return shards[s];
    }

    /** Closes the shard files opened so far. */
    @Override
    public synchronized void close() {
        closed = true;
        List<IOException> failures = new ArrayList<>();
        for (int i = 0; i < shards.length; i++) {
            if (shards[i] != null) {
                try {
                    shards[i].close();
                } catch (IOException x) {
                    failures.add(x);
                }
                shards[i] = null;
            }
        }
        if (!failures.isEmpty()) {
            throw new CheckpointException("closing shard files of " + prefix + ": " + failures.get(0), null, null,
                    failures.get(0));
        }
    }

    @Override
    public String toString() {
        return "TfCheckpoint(" + prefix + ", " + entries.size() + " entries, " + header.numShards() + " shard"
                + (header.numShards() == 1 ? "" : "s") + ")";
    }
}
