package dev.ember.engine.io;

import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A state_dict ({@code name -> tensor}) saved to and loaded from a
 * <a href="https://github.com/huggingface/safetensors">safetensors</a> file; mirrors
 * {@code safetensors.torch.save_file} / {@code load_file}, and the files open in PyTorch with
 * those functions.
 *
 * <p>Layout: an 8-byte little-endian header length, a JSON header (padded with spaces to a
 * multiple of 8 bytes) giving each tensor's {@code dtype}, {@code shape} and
 * {@code data_offsets} plus an optional {@code "__metadata__"} map of strings, then the tensors'
 * little-endian bytes, contiguous, in the map's iteration order.
 *
 * <p>Engine dtypes are written as {@code F32}, {@code F64}, {@code I32}, {@code I64} and
 * {@code BOOL}. Loading also reads {@code F16} and {@code BF16} (converted to float32) and
 * {@code U8}, {@code I8}, {@code I16} (converted to int32), since the engine has no such dtypes;
 * other dtypes are an error. Loading validates the whole header (length within the file, JSON,
 * dtypes, offsets in range, contiguous and non-overlapping, byte sizes, duplicate keys) before
 * reading any tensor, and either returns every tensor or throws {@link SafetensorsException}
 * naming the file and the entry. Saving writes a temporary file in the target's directory,
 * fsyncs it and renames it over the target, so a failed save leaves neither a partial file nor
 * the temporary file.
 */
public final class StateDicts {
    /** Larger headers are refused, as by the reference implementation (100 MB). */
    static final long MAX_HEADER = 100_000_000L;
    /** Tensors up to this size are read into the heap; larger ones are memory-mapped. */
    private static final int MAP_THRESHOLD = 1 << 20;

    private StateDicts() {
    }

    /** Writes {@code stateDict} to {@code file} atomically; mirrors {@code safetensors.torch.save_file(tensors, file)}. */
    public static void save(Map<String, Tensor> stateDict, Path file) throws IOException {
        saveWithMetadata(stateDict, Map.of(), file);
    }

    /**
     * Writes {@code stateDict} with a {@code "__metadata__"} map of strings; mirrors
     * {@code safetensors.torch.save_file(tensors, file, metadata)}.
     */
    public static void saveWithMetadata(Map<String, Tensor> stateDict, Map<String, String> metadata, Path file)
            throws IOException {
        SafetensorsHeader header = headerFor(stateDict, metadata, file);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "StateDicts.save: directory of " + file
                    + " does not exist");
        }
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] json = header.encode();
                writeFully(ch, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, json.length));
                writeFully(ch, ByteBuffer.wrap(json));
                for (Tensor t : stateDict.values()) {
                    writeFully(ch, t.toBytes());
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static SafetensorsHeader headerFor(Map<String, Tensor> stateDict, Map<String, String> metadata, Path file) {
        if (stateDict == null) {
            throw new IllegalArgumentException("StateDicts.save: stateDict is null (file " + file + ")");
        }
        if (metadata == null) {
            throw new IllegalArgumentException("StateDicts.save: metadata is null; pass Map.of() for none");
        }
        for (Map.Entry<String, String> m : metadata.entrySet()) {
            if (m.getKey() == null || m.getValue() == null) {
                throw new IllegalArgumentException("StateDicts.save: metadata entries must be non-null strings, got "
                        + m.getKey() + "=" + m.getValue());
            }
        }
        List<SafetensorsHeader.Entry> entries = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> e : stateDict.entrySet()) {
            String name = e.getKey();
            if (name == null || name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("StateDicts.save: tensor name " + (name == null ? "null"
                        : "'" + name + "' is reserved for metadata") + " (file " + file + ")");
            }
            Tensor t = e.getValue();
            if (t == null) {
                throw new IllegalArgumentException("StateDicts.save: tensor '" + name + "' is null (file " + file + ")");
            }
            SafetensorsHeader.Dtype dt = SafetensorsHeader.Dtype.of(t.dtype());
            long end = offset + t.numel() * dt.size;
            entries.add(new SafetensorsHeader.Entry(name, dt, t.shape(), offset, end));
            offset = end;
        }
        return new SafetensorsHeader(new LinkedHashMap<>(metadata), entries);
    }

    /**
     * Reads every tensor of a safetensors file, in header order; mirrors
     * {@code safetensors.torch.load_file(file)}. {@code F16}/{@code BF16} load as float32 and
     * {@code U8}/{@code I8}/{@code I16} as int32 (the engine has no narrower dtypes).
     *
     * @throws SafetensorsException when the file is not valid safetensors (the message names the
     *         file and entry); nothing is returned in part
     */
    public static LinkedHashMap<String, Tensor> load(Path file) throws IOException {
        return read(file).tensors();
    }

    /** Every tensor and the metadata of one file, read through one open channel. */
    record Contents(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** {@link #load} and {@link #loadMetadata} in one read, so both come from the same file version. */
    static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Layout layout = readHeader(ch, file);
            LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : layout.header.entries) {
                ByteBuffer bytes = region(ch, layout.dataStart + e.begin(), e.end() - e.begin(), file, e.name());
                out.put(e.name(), toTensor(bytes.order(ByteOrder.LITTLE_ENDIAN), e));
            }
            return new Contents(out, layout.header.metadata);
        }
    }

    /** The {@code "__metadata__"} map of a file (empty when absent); mirrors {@code safe_open(f).metadata()}. */
    public static Map<String, String> loadMetadata(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(ch, file).header.metadata;
        }
    }

    private record Layout(SafetensorsHeader header, long dataStart) {
    }

    private static Layout readHeader(FileChannel ch, Path file) throws IOException {
        String where = "safetensors file " + file;
        long size = ch.size();
        if (size < 8) {
            throw new SafetensorsException(where + ": truncated, " + size + " bytes (the header length alone needs 8)");
        }
        ByteBuffer len = readFully(ch, 0, 8).order(ByteOrder.LITTLE_ENDIAN);
        long n = len.getLong(0);
        if (n < 0 || n > size - 8 || n > MAX_HEADER) {
            throw new SafetensorsException(where + ": header length " + Long.toUnsignedString(n) + " is "
                    + (n > MAX_HEADER || n < 0 ? "over the 100 MB limit" : "beyond the file's " + size + " bytes")
                    + " (not a safetensors file, or truncated)");
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(readFully(ch, 8, (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsException(where + ": the header is not valid UTF-8", e);
        }
        SafetensorsHeader header = SafetensorsHeader.parse(stripTrailingSpaces(json), where);
        header.validateLayout(size - 8 - n, where);
        return new Layout(header, 8 + n);
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static ByteBuffer region(FileChannel ch, long pos, long len, Path file, String name) throws IOException {
        if (len > Integer.MAX_VALUE) {
            throw new SafetensorsException("safetensors file " + file + ", entry '" + name + "': " + len
                    + " bytes is more than one engine tensor can hold (2 GiB)");
        }
        if (len <= MAP_THRESHOLD) {
            return readFully(ch, pos, (int) len);
        }
        return ch.map(FileChannel.MapMode.READ_ONLY, pos, len);
    }

    private static Tensor toTensor(ByteBuffer b, SafetensorsHeader.Entry e) {
        long[] shape = e.shape();
        int n = Math.toIntExact(e.numel());
        switch (e.dtype()) {
            case F16: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Half.toFloat(b.getShort(2 * i));
                }
                return Tensor.fromArray(v, shape);
            }
            case BF16: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xffff) << 16);
                }
                return Tensor.fromArray(v, shape);
            }
            case I16: case I8: case U8: {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = e.dtype() == SafetensorsHeader.Dtype.I16 ? b.getShort(2 * i)
                            : e.dtype() == SafetensorsHeader.Dtype.I8 ? b.get(i) : b.get(i) & 0xff;
                }
                return Tensor.fromArray(v, shape);
            }
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b.get(i) != 0;
                }
                return Tensor.fromArray(v, shape);
            }
            default:
                return Tensor.fromBytes(b, e.dtype().engine, shape);
        }
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new SafetensorsException("unexpected end of file at byte " + (pos + buf.position()));
            }
        }
        return buf.flip();
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Makes the rename durable; some file systems cannot open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // The data itself is already on disk; only the rename's durability is best-effort.
        }
    }
}
