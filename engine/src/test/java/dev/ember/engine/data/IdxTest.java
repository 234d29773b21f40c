package dev.ember.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written here byte by byte (plain and gzipped), read back, and broken in every way. */
class IdxTest {
    @TempDir
    Path dir;

    /** An IDX file of {@code type} with {@code dims}, followed by {@code payload}. */
    static byte[] idx(int type, int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {0, 0, (byte) type, (byte) dims.length});
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(payload);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(b);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsUnsignedBytesPlainAndGzipped() throws IOException {
        byte[] px = {0, 1, (byte) 200, (byte) 255, 7, 8};
        byte[] file = idx(0x08, new int[] {3, 2}, px);
        for (Path p : new Path[] {Files.write(dir.resolve("a.idx"), file), Files.write(dir.resolve("a.gz"), gzip(file))}) {
            Idx r = Idx.read(p);
            assertThat(r.type()).isEqualTo(Idx.ElementType.UBYTE);
            assertThat(r.dims()).containsExactly(3, 2);
            assertThat(r.rawData()).containsExactly(px);
            Tensor t = r.toTensor();
            assertThat(t.dtype()).isEqualTo(DType.INT32);
            assertThat(t.shape()).containsExactly(3, 2);
            assertThat(t.toLongArray()).containsExactly(0, 1, 200, 255, 7, 8);
        }
    }

    @Test
    void readsWiderBigEndianTypes() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeFloat(1.5f);
        o.writeFloat(-2f);
        Tensor f = Idx.read(Files.write(dir.resolve("f"), idx(0x0D, new int[] {2}, b.toByteArray()))).toTensor();
        assertThat(f.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f.toFloatArray()).containsExactly(1.5f, -2f);
        b.reset();
        o.writeDouble(Math.PI);
        assertThat(Idx.read(Files.write(dir.resolve("d"), idx(0x0E, new int[] {1, 1}, b.toByteArray()))).toTensor()
                .toDoubleArray()).containsExactly(Math.PI);
        b.reset();
        o.writeShort(-300);
        o.writeInt(70000);
        assertThat(Idx.read(Files.write(dir.resolve("s"), idx(0x0B, new int[] {1}, Arrays.copyOf(b.toByteArray(), 2))))
                .toTensor().toLongArray()).containsExactly(-300);
        assertThat(Idx.read(Files.write(dir.resolve("i"), idx(0x0C, new int[] {1}, Arrays.copyOfRange(b.toByteArray(), 2, 6))))
                .toTensor().toLongArray()).containsExactly(70000);
        assertThat(Idx.read(Files.write(dir.resolve("b"), idx(0x09, new int[] {2}, new byte[] {-5, 5}))).toTensor()
                .toLongArray()).containsExactly(-5, 5);
    }

    @Test
    void truncatedFilesAreReportedAsTruncated() throws IOException {
        byte[] file = idx(0x08, new int[] {10, 28, 28}, new byte[10 * 28 * 28]);
        byte[] cut = Arrays.copyOf(file, file.length - 100);
        Path plain = Files.write(dir.resolve("cut.idx"), cut);
        assertThatThrownBy(() -> Idx.read(plain)).isInstanceOf(IOException.class)
                .hasMessage("IDX file " + plain + " is truncated: dimensions [10, 28, 28] of UBYTE need 7840 bytes of data, "
                        + "found 7740");
        Path gz = Files.write(dir.resolve("cut.gz"), gzip(cut));
        assertThatThrownBy(() -> Idx.read(gz)).hasMessageContaining("IDX file " + gz + " is truncated");
        byte[] zipped = gzip(file);
        Path gzCut = Files.write(dir.resolve("cutzip.gz"), Arrays.copyOf(zipped, zipped.length / 2));
        assertThatThrownBy(() -> Idx.read(gzCut)).isInstanceOf(IOException.class)
                .hasMessageContaining("IDX file " + gzCut + " is truncated");
        Path header = Files.write(dir.resolve("header"), Arrays.copyOf(file, 9));
        assertThatThrownBy(() -> Idx.read(header)).hasMessageContaining("is truncated");
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0});
        assertThatThrownBy(() -> Idx.read(tiny)).hasMessageContaining("is truncated: 2 bytes, the magic number needs 4");
    }

    @Test
    void badMagicNegativeDimsAndTrailingData() throws IOException {
        Path magic = Files.write(dir.resolve("m"), new byte[] {1, 0, 8, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(magic)).hasMessageContaining("bad magic number 0x01000801");
        Path type = Files.write(dir.resolve("t"), new byte[] {0, 0, 7, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(type)).hasMessageContaining("bad magic number 0x00000701");
        Path neg = Files.write(dir.resolve("n"), idx(0x08, new int[] {-1}, new byte[0]));
        assertThatThrownBy(() -> Idx.read(neg)).hasMessageContaining("dimension 0 is negative (-1)");
        Path extra = Files.write(dir.resolve("x"), idx(0x08, new int[] {2}, new byte[3]));
        assertThatThrownBy(() -> Idx.read(extra)).hasMessageContaining("has data after the 2 bytes");
    }
}
