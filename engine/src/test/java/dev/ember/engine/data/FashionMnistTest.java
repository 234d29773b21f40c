package dev.ember.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import dev.ember.engine.data.transforms.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST: the real files of Debian's dataset-fashion-mnist when installed (the expected
 * labels, class counts, pixel sums and the usual mean/std were computed with Python's gzip +
 * numpy from the same files), plus small folders this test writes.
 */
class FashionMnistTest {
    @TempDir
    Path dir;

    private static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isRegularFile(FashionMnist.DEFAULT_ROOT.resolve("train-images-idx3-ubyte.gz")),
                () -> "Fashion-MNIST not installed at " + FashionMnist.DEFAULT_ROOT
                        + " (apt-get install dataset-fashion-mnist)");
    }

    @Test
    void realTrainingSplit() throws IOException {
        assumeInstalled();
        FashionMnist train = FashionMnist.load(true);
        assertThat(train.size()).isEqualTo(60000);
        assertThat(train.isTrain()).isTrue();
        int[] firstLabels = new int[10];
        int[] counts = new int[10];
        for (int i = 0; i < train.size(); i++) {
            counts[train.label(i)]++;
            if (i < 10) {
                firstLabels[i] = train.label(i);
            }
        }
        assertThat(firstLabels).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(counts).containsOnly(6000);
        assertThat(FashionMnist.CLASSES.get(train.label(0))).isEqualTo("Ankle boot");
        Image img = train.image(0);
        assertThat(img.height()).isEqualTo(28);
        assertThat(img.channels()).isEqualTo(1);
        long sum = 0;
        for (byte b : img.pixels()) {
            sum += b & 0xff;
        }
        assertThat(sum).isEqualTo(76247);
        Tensor[] s = train.get(0);
        assertThat(s[0].shape()).containsExactly(1, 28, 28);
        assertThat(s[0].sum().item()).isCloseTo(76247 / 255.0, within(1e-3));
        assertThat(s[1].dtype()).isEqualTo(DType.INT64);
        assertThat(s[1].item()).isEqualTo(9);

        Tensor[] all = train.tensors();
        assertThat(all[0].shape()).containsExactly(60000, 1, 28, 28);
        assertThat(all[1].shape()).containsExactly(60000);
        long total = 0;
        for (int i = 0; i < train.size(); i++) {
            for (byte b : train.image(i).pixels()) {
                total += b & 0xff;
            }
        }
        assertThat(total).isEqualTo(3431114169L);
        // Each pixel is x/255 rounded to float32 (relative error <= 6e-8), so the float64 mean of
        // the tensor can differ from numpy's exact-input mean in the 8th digit.
        double mean = all[0].to(DType.FLOAT64).mean().item();
        assertThat(mean).isCloseTo(0.2860405969887955, within(1e-7));
        Tensor[] batch = DataLoader.builder(train).batchSize(10).build().iterator().next();
        assertThat(batch[1].toLongArray()).containsExactly(9, 0, 0, 3, 0, 2, 7, 2, 5, 5);
        assertThat(batch[0].shape()).containsExactly(10, 1, 28, 28);
    }

    @Test
    void realTestSplit() throws IOException {
        assumeInstalled();
        FashionMnist test = FashionMnist.load(FashionMnist.DEFAULT_ROOT, false);
        assertThat(test.size()).isEqualTo(10000);
        assertThat(test.isTrain()).isFalse();
        assertThat(new int[] {test.label(0), test.label(1), test.label(2), test.label(3)})
                .containsExactly(9, 2, 1, 1);
        long sum = 0;
        for (byte b : test.image(0).pixels()) {
            sum += b & 0xff;
        }
        assertThat(sum).isEqualTo(33456);
    }

    @Test
    void aFolderOfSmallIdxFiles() throws IOException {
        byte[] px = new byte[3 * 2 * 2];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 20);
        }
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxTest.gzip(IdxTest.idx(0x08, new int[] {3, 2, 2}, px)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.idx(0x08, new int[] {3}, new byte[] {4, 0, 9}));
        FashionMnist ds = FashionMnist.load(dir, false);
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.label(2)).isEqualTo(9);
        assertThat(ds.get(1)[0].toFloatArray()).containsExactly(80 / 255f, 100 / 255f, 120 / 255f, 140 / 255f);
        FashionMnist flat = ds.withTransform(img -> Tensor.scalar((float) img.get(1, 1, 0)));
        assertThat(flat.get(0)[0].item()).isEqualTo(60);
        assertThat(ds.toString()).contains("Number of datapoints: 3", "Split: Test", dir.toString());
    }

    @Test
    void missingOrInconsistentFilesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> FashionMnist.load(dir, true)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz").toString())
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("pass the folder");
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxTest.idx(0x08, new int[] {2, 1, 1}, new byte[2]));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxTest.idx(0x08, new int[] {3}, new byte[3]));
        assertThatThrownBy(() -> FashionMnist.load(dir, true)).hasMessageContaining("labels must be UBYTE [2]");
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxTest.idx(0x08, new int[] {2}, new byte[] {0, 10}));
        assertThatThrownBy(() -> FashionMnist.load(dir, true)).hasMessageContaining("label 1 is 10, expected 0..9");
        byte[] imgs = IdxTest.idx(0x08, new int[] {2, 1, 1}, new byte[2]);
        Files.write(dir.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(imgs, imgs.length - 1));
        assertThatThrownBy(() -> FashionMnist.load(dir, true)).hasMessageContaining("is truncated");
    }
}
