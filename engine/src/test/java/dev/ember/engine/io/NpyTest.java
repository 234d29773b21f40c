package dev.ember.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.testing.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npy} files written by real NumPy (Debian's python3-numpy) read back with the same dtype, shape and bits. */
class NpyTest {
    @TempDir
    Path dir;

    private void writeWithNumpy() throws Exception {
        String unavailable = Python.unavailable("numpy");
        Assumptions.assumeTrue(unavailable == null, () -> "NumPy not available: " + unavailable);
        assertThat(Python.run(getClass(), "npy_write.py", dir.toString())).startsWith("ok");
    }

    @Test
    void readsEverySupportedDtypeExactly() throws Exception {
        writeWithNumpy();
        Tensor f32 = Npy.load(dir.resolve("f32.npy"));
        assertThat(f32.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f32.shape()).containsExactly(2, 3);
        assertThat(f32.toFloatArray()).containsExactly(1.5f, -2f, 3.25f, 0f, -0f, 1e-45f);
        assertThat(Float.floatToRawIntBits(f32.toFloatArray()[4])).isEqualTo(Float.floatToRawIntBits(-0f));
        Tensor f64 = Npy.load(dir.resolve("f64.npy"));
        assertThat(f64.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(f64.toDoubleArray()).containsExactly(Math.PI, -1e300, Double.POSITIVE_INFINITY);
        Tensor i32 = Npy.load(dir.resolve("i32.npy"));
        assertThat(i32.dtype()).isEqualTo(DType.INT32);
        assertThat(i32.toLongArray()).containsExactly(Integer.MIN_VALUE, 7, 42, Integer.MAX_VALUE);
        Tensor i64 = Npy.load(dir.resolve("i64.npy"));
        assertThat(i64.dtype()).isEqualTo(DType.INT64);
        assertThat(i64.shape()).containsExactly(2, 3, 4);
        assertThat(i64.toLongArray()[0]).isEqualTo(-Long.MAX_VALUE);
        assertThat(i64.toLongArray()[23]).isEqualTo(23 - Long.MAX_VALUE);
        Tensor bool = Npy.load(dir.resolve("bool.npy"));
        assertThat(bool.dtype()).isEqualTo(DType.BOOL);
        assertThat(bool.toLongArray()).containsExactly(1, 0, 1);
        Tensor scalar = Npy.load(dir.resolve("scalar.npy"));
        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.item()).isEqualTo(2.5);
        assertThat(Npy.load(dir.resolve("empty.npy")).shape()).containsExactly(0, 4);
    }

    @Test
    void refusesWhatItCannotReadNamingTheFile() throws Exception {
        writeWithNumpy();
        assertThatThrownBy(() -> Npy.load(dir.resolve("fortran.npy"))).isInstanceOf(IOException.class)
                .hasMessageContaining("fortran.npy").hasMessageContaining("Fortran-order");
        assertThatThrownBy(() -> Npy.load(dir.resolve("big_endian.npy")))
                .hasMessageContaining("big_endian.npy").hasMessageContaining("unsupported .npy dtype '>f4'");
        assertThatThrownBy(() -> Npy.load(dir.resolve("f16.npy"))).hasMessageContaining("'<f2'");
        Path cut = dir.resolve("cut.npy");
        byte[] whole = Files.readAllBytes(dir.resolve("f32.npy"));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertThatThrownBy(() -> Npy.load(cut)).hasMessageContaining("cut.npy")
                .hasMessageContaining("needs 24 data bytes, the file has 21");
        Path notNpy = dir.resolve("x.npy");
        Files.writeString(notNpy, "hello world");
        assertThatThrownBy(() -> Npy.load(notNpy)).hasMessageContaining("is not a .npy file");
    }
}
