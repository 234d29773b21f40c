package dev.ember.engine.data.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.engine.DType;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import org.junit.jupiter.api.Test;

/** ToTensor, Normalize, RandomCrop, RandomHorizontalFlip, Compose. */
class TransformsTest {

    /** A 2x3 RGB image whose pixel (y, x, c) is 100*y + 10*x + c. */
    static Image rgb() {
        byte[] px = new byte[2 * 3 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 3; c++) {
                    px[(y * 3 + x) * 3 + c] = (byte) (100 * y + 10 * x + c);
                }
            }
        }
        return new Image(2, 3, 3, px);
    }

    @Test
    void toTensorIsChwFloatInUnitRange() {
        Tensor t = new ToTensor().apply(rgb());
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.shape()).containsExactly(3, 2, 3);
        float[] v = t.toFloatArray();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    assertThat(v[(c * 2 + y) * 3 + x]).isEqualTo((100 * y + 10 * x + c) / 255f);
                }
            }
        }
        Tensor g = new ToTensor().apply(Image.gray(1, 2, new byte[] {0, (byte) 255}));
        assertThat(g.shape()).containsExactly(1, 1, 2);
        assertThat(g.toFloatArray()).containsExactly(0f, 1f);
        assertThatThrownBy(() -> new Image(2, 2, 3, new byte[5])).hasMessage("Image: 2x2x3 needs 12 bytes, got 5");
    }

    @Test
    void normalizeIsPerChannelInTheTensorsDtype() {
        Tensor x = new ToTensor().apply(rgb());
        double[] mean = {0.1, 0.2, 0.3};
        double[] std = {0.5, 0.25, 2.0};
        Tensor n = new Normalize(mean, std).apply(x);
        float[] in = x.toFloatArray();
        float[] out = n.toFloatArray();
        for (int i = 0; i < in.length; i++) {
            int c = i / 6;
            assertThat(out[i]).isEqualTo((in[i] - (float) mean[c]) / (float) std[c]);
        }
        Tensor batch = Tensor.ones(DType.FLOAT64, 2, 3, 1, 1);
        assertThat(new Normalize(new double[] {1, 0, 0.5}, new double[] {1, 2, 0.5}).apply(batch).toDoubleArray())
                .containsExactly(0, 0.5, 1, 0, 0.5, 1);
        assertThat(new Normalize(new double[] {0.5}, new double[] {0.5}).apply(batch).toDoubleArray())
                .containsOnly(1.0);
        assertThatThrownBy(() -> new Normalize(new double[] {0}, new double[] {0})).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> new Normalize(mean, std).apply(Tensor.zeros(3, 4)))
                .hasMessage("Normalize: expected a tensor image of size (..., C, H, W), got [3, 4]");
        assertThatThrownBy(() -> new Normalize(mean, std).apply(Tensor.zeros(2, 4, 4)))
                .hasMessageContaining("need 1 or 2 values");
        assertThatThrownBy(() -> new Normalize(mean, std).apply(Tensor.zeros(DType.INT64, 3, 1, 1)))
                .hasMessage("Normalize: input tensor should be a float tensor, got int64");
    }

    @Test
    void randomCropCutsTheWindowDrawnFromTheGenerator() {
        // 4x5 grayscale, pixel = 10*y + x + 1 (so 0 only appears in the padding).
        byte[] px = new byte[20];
        for (int i = 0; i < 20; i++) {
            px[i] = (byte) (10 * (i / 5) + i % 5 + 1);
        }
        Image img = Image.gray(4, 5, px);
        for (long seed = 0; seed < 20; seed++) {
            Image crop = new RandomCrop(3, 3, 2, 0, new Generator(seed)).apply(img);
            Generator replay = new Generator(seed);
            int top = (int) replay.nextLong(4 + 4 - 3 + 1);
            int left = (int) replay.nextLong(5 + 4 - 3 + 1);
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    int sy = top + y - 2;
                    int sx = left + x - 2;
                    int want = sy >= 0 && sy < 4 && sx >= 0 && sx < 5 ? 10 * sy + sx + 1 : 0;
                    assertThat(crop.get(y, x, 0)).as("seed %d (%d, %d)", seed, y, x).isEqualTo(want);
                }
            }
        }
        Image rgbCrop = new RandomCrop(2, 3, 0, 0, new Generator(1)).apply(rgb());
        assertThat(rgbCrop).isEqualTo(rgb()); // crop == image: no draw, unchanged
        Image filled = new RandomCrop(6, 7, 2, 255, new Generator(1)).apply(Image.gray(2, 3, new byte[6]));
        assertThat(filled.get(0, 0, 0)).isEqualTo(255);
        assertThatThrownBy(() -> new RandomCrop(5, 0).apply(img))
                .hasMessage("RandomCrop: required crop size 5x5 is larger than the (padded) input image size 4x5");
    }

    @Test
    void horizontalFlipMirrorsColumnsWithProbabilityP() {
        Image flipped = new RandomHorizontalFlip(1.0, new Generator(0)).apply(rgb());
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(flipped.get(y, x, c)).isEqualTo(rgb().get(y, 2 - x, c));
                }
            }
        }
        assertThat(new RandomHorizontalFlip(0.0, new Generator(0)).apply(rgb())).isEqualTo(rgb());
        Generator g = new Generator(5);
        RandomHorizontalFlip half = new RandomHorizontalFlip(0.5, g);
        int flips = 0;
        Generator replay = new Generator(5);
        for (int i = 0; i < 200; i++) {
            boolean did = !half.apply(rgb()).equals(rgb());
            assertThat(did).isEqualTo(replay.nextDouble() < 0.5);
            flips += did ? 1 : 0;
        }
        assertThat(flips).isBetween(70, 130);
        assertThatThrownBy(() -> new RandomHorizontalFlip(1.5)).hasMessage("RandomHorizontalFlip: p should be between 0 and 1, got 1.5");
    }

    @Test
    void composeChainsTypedStepsAndPrintsLikePyTorch() {
        Compose<Image, Tensor> t = Compose.of(new RandomHorizontalFlip(1.0, new Generator(0))).then(new ToTensor())
                .then(new Normalize(new double[] {0.5}, new double[] {0.5}));
        Tensor out = t.apply(rgb());
        Tensor manual = new Normalize(new double[] {0.5}, new double[] {0.5})
                .apply(new ToTensor().apply(new RandomHorizontalFlip(1.0).apply(rgb())));
        assertThat(out.equal(manual)).isTrue();
        assertThat(t.transforms()).hasSize(3);
        assertThat(t.toString()).isEqualTo("Compose(\n    RandomHorizontalFlip(p=1.0)\n    ToTensor()\n"
                + "    Normalize(mean=[0.5], std=[0.5])\n)");
        Transform<Image, Tensor> viaAndThen = new ToTensor().andThen(new Normalize(new double[] {0.5}, new double[] {0.5}));
        assertThat(viaAndThen.apply(rgb()).equal(new Normalize(new double[] {0.5}, new double[] {0.5})
                .apply(new ToTensor().apply(rgb())))).isTrue();
    }
}
