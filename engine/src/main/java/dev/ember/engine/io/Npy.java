package dev.ember.engine.io;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's {@code .npy} files (format versions 1.0-3.0, C order, little-endian float32/float64/
 * int32/int64 and bool); mirrors {@code torch.from_numpy(np.load(path))}. Anything else (Fortran
 * order, big-endian, other dtypes, object arrays, truncated data) is refused with an error naming the
 * file and what it found.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** The array in {@code file} as a tensor of the same dtype and shape. */
    public static Tensor load(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 10 || !Arrays.equals(Arrays.copyOf(all, 6), MAGIC)) {
            throw new IOException(file + " is not a .npy file (no \\x93NUMPY magic)");
        }
        int major = all[6];
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(b.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (all.length < 12) {
                throw new IOException(file + ": truncated .npy header");
            }
            headerLen = b.getInt(8);
            headerStart = 12;
        } else {
            throw new IOException(file + ": unsupported .npy format version " + major + "." + all[7]);
        }
        if (headerLen < 0 || headerStart + (long) headerLen > all.length) {
            throw new IOException(file + ": truncated .npy header (" + headerLen + " bytes declared)");
        }
        String header = new String(all, headerStart, headerLen, major == 3 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", file);
        if (group(FORTRAN, header, "fortran_order", file).equals("True")) {
            throw new IOException(file + ": Fortran-order arrays are not supported (save with np.ascontiguousarray)");
        }
        long[] shape = shape(group(SHAPE, header, "shape", file), file);
        DType dtype = dtype(descr, file);
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        long bytes = n * dtype.byteSize();
        int dataStart = headerStart + headerLen;
        if (all.length - dataStart != bytes) {
            throw new IOException(String.format("%s: %s array of shape %s needs %d data bytes, the file has %d", file,
                    descr, Arrays.toString(shape), bytes, all.length - dataStart));
        }
        ByteBuffer data = ByteBuffer.wrap(all, dataStart, (int) bytes).slice().order(ByteOrder.LITTLE_ENDIAN);
        return Tensor.fromBytes(data, dtype, shape);
    }

    private static String group(Pattern p, String header, String key, Path file) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": .npy header has no '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    private static long[] shape(String text, Path file) throws IOException {
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        int k = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    out[k++] = Long.parseLong(p.strip().replace("L", ""));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": bad .npy shape (" + text + ")");
                }
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static DType dtype(String descr, Path file) throws IOException {
        switch (descr) {
            case "<f4":
                return DType.FLOAT32;
            case "<f8":
                return DType.FLOAT64;
            case "<i4":
                return DType.INT32;
            case "<i8":
                return DType.INT64;
            case "|b1":
                return DType.BOOL;
            default:
                throw new IOException(file + ": unsupported .npy dtype '" + descr
                        + "' (supported: <f4, <f8, <i4, <i8, |b1: little-endian float32/float64/int32/int64, bool)");
        }
    }
}
