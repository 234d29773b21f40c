package com.example.classic;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** Fashion-MNIST images (28x28, scaled to [0, 1]) and labels, or a deterministic synthetic stand-in. */
final class FashionData {
    static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    final float[][][][] images;   // N x 28 x 28 x 1 (NHWC, as TF wants it)
    final long[] labels;
    final boolean synthetic;

    private FashionData(float[][][][] images, long[] labels, boolean synthetic) {
        this.images = images;
        this.labels = labels;
        this.synthetic = synthetic;
    }

    static FashionData load(Path dir, boolean train, int limit) throws IOException {
        String prefix = train ? "train" : "t10k";
        Path img = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        Path lab = dir.resolve(prefix + "-labels-idx1-ubyte.gz");
        if (!Files.exists(img) || !Files.exists(lab)) {
            return synthetic(train ? Math.min(limit, 2048) : Math.min(limit, 512), train ? 1 : 2);
        }
        try (DataInputStream li = new DataInputStream(new GZIPInputStream(Files.newInputStream(lab)));
             DataInputStream ii = new DataInputStream(new GZIPInputStream(Files.newInputStream(img)))) {
            li.readInt();
            int n = Math.min(li.readInt(), limit);
            ii.readInt();
            ii.readInt();
            int rows = ii.readInt();
            int cols = ii.readInt();
            float[][][][] x = new float[n][rows][cols][1];
            long[] y = new long[n];
            byte[] px = new byte[rows * cols];
            for (int i = 0; i < n; i++) {
                y[i] = li.readUnsignedByte();
                ii.readFully(px);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        x[i][r][c][0] = (px[r * cols + c] & 0xFF) / 255f;
                    }
                }
            }
            return new FashionData(x, y, false);
        }
    }

    /** Ten classes of noisy stripes: learnable, and the same for a given seed. */
    static FashionData synthetic(int n, long seed) {
        Random rnd = new Random(seed);
        float[][][][] x = new float[n][28][28][1];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(10);
            y[i] = k;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    float stripe = ((r + c * k) % 10) < 5 ? 0.8f : 0.1f;
                    x[i][r][c][0] = Math.min(1f, Math.max(0f, stripe + 0.2f * (float) rnd.nextGaussian()));
                }
            }
        }
        return new FashionData(x, y, true);
    }

    int size() {
        return labels.length;
    }

    float[][][][] imageBatch(int from, int to) {
        float[][][][] b = new float[to - from][][][];
        System.arraycopy(images, from, b, 0, to - from);
        return b;
    }

    long[] labelBatch(int from, int to) {
        long[] b = new long[to - from];
        System.arraycopy(labels, from, b, 0, to - from);
        return b;
    }

}
