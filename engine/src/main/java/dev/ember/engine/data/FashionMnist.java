package dev.ember.engine.data;

import dev.ember.engine.Tensor;
import dev.ember.engine.data.transforms.Image;
import dev.ember.engine.data.transforms.ToTensor;
import dev.ember.engine.data.transforms.Transform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fashion-MNIST (70,000 28x28 grayscale images of 10 clothing classes); mirrors
 * {@code torchvision.datasets.FashionMNIST(root, train, transform)} without downloading: it
 * reads the IDX files of Debian's {@code dataset-fashion-mnist} package from
 * {@link #DEFAULT_ROOT}, or from a folder you give ({@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-...}; uncompressed files work too).
 *
 * <p>Sample {@code i} is {@code {transform(image), label}} with the label an int64 scalar
 * tensor; the default transform is {@link ToTensor} ({@code [1, 28, 28]} float32 in [0, 1]).
 * {@link #tensors()} gives the whole split as two tensors, for a {@link TensorDataset}.
 */
public final class FashionMnist implements Dataset<Tensor[]> {
    /** Where Debian's {@code dataset-fashion-mnist} installs the files. */
    public static final Path DEFAULT_ROOT = Path.of("/usr/share/datasets/fashion-mnist");
    /** The class names, by label; mirrors {@code FashionMNIST.classes}. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final Path root;
    private final boolean train;
    private final int count;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final byte[] labels;
    private final Transform<Image, Tensor> transform;

    private FashionMnist(Path root, boolean train, int count, int height, int width, byte[] pixels, byte[] labels,
            Transform<Image, Tensor> transform) {
        this.root = root;
        this.train = train;
        this.count = count;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.transform = transform;
    }

    /** The training (60,000) or test (10,000) split from {@link #DEFAULT_ROOT}. */
    public static FashionMnist load(boolean train) throws IOException {
        return load(DEFAULT_ROOT, train);
    }

    /** The training or test split from the IDX files in {@code root}. */
    public static FashionMnist load(Path root, boolean train) throws IOException {
        String prefix = train ? "train" : "t10k";
        Idx images = Idx.read(find(root, prefix + "-images-idx3-ubyte"));
        Idx labels = Idx.read(find(root, prefix + "-labels-idx1-ubyte"));
        int[] id = images.dims();
        int[] ld = labels.dims();
        if (images.type() != Idx.ElementType.UBYTE || id.length != 3) {
            throw new IOException("FashionMnist: " + prefix + " images must be UBYTE [N, H, W], got " + images.type()
                    + Arrays.toString(id) + " in " + root);
        }
        if (labels.type() != Idx.ElementType.UBYTE || ld.length != 1 || ld[0] != id[0]) {
            throw new IOException("FashionMnist: " + prefix + " labels must be UBYTE [" + id[0] + "] to match the images, got "
                    + labels.type() + Arrays.toString(ld) + " in " + root);
        }
        byte[] l = labels.rawData();
        for (int i = 0; i < l.length; i++) {
            if ((l[i] & 0xff) >= CLASSES.size()) {
                throw new IOException("FashionMnist: " + prefix + " label " + i + " is " + (l[i] & 0xff)
                        + ", expected 0.." + (CLASSES.size() - 1) + " in " + root);
            }
        }
        return new FashionMnist(root, train, id[0], id[1], id[2], images.rawData(), l, new ToTensor());
    }

    private static Path find(Path root, String name) throws NoSuchFileException {
        Path gz = root.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = root.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new NoSuchFileException(gz.toString(), null, "FashionMnist: missing " + gz + " (or " + plain
                + "); install Debian's package with 'apt-get install dataset-fashion-mnist', or pass the folder "
                + "holding the IDX files to FashionMnist.load(folder, train)");
    }

    /** This split with another image transform (the data is shared); mirrors the {@code transform} argument. */
    public FashionMnist withTransform(Transform<Image, Tensor> transform) {
        if (transform == null) {
            throw new IllegalArgumentException("FashionMnist.withTransform: transform is null");
        }
        return new FashionMnist(root, train, count, height, width, pixels, labels, transform);
    }

    /** {@code true} for the training split. */
    public boolean isTrain() {
        return train;
    }

    @Override
    public int size() {
        return count;
    }

    /** {@code {transform(image(index)), label as an int64 scalar}}. */
    @Override
    public Tensor[] get(int index) {
        return new Tensor[] {transform.apply(image(index)), Tensor.scalar((long) label(index))};
    }

    /** Image {@code index}, grayscale {@code 28 x 28}; mirrors the PIL image torchvision returns untransformed. */
    public Image image(int index) {
        Indexes.check("FashionMnist", index, count);
        int n = height * width;
        return Image.gray(height, width, Arrays.copyOfRange(pixels, index * n, (index + 1) * n));
    }

    /** The label (0-9, see {@link #CLASSES}) of sample {@code index}. */
    public int label(int index) {
        Indexes.check("FashionMnist", index, count);
        return labels[index] & 0xff;
    }

    /**
     * The whole split as {@code {images, labels}}: float32 {@code [N, 1, 28, 28]} in [0, 1] (as
     * {@link ToTensor} makes them; the transform is not applied) and int64 {@code [N]}.
     */
    public Tensor[] tensors() {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xff) / 255f;
        }
        long[] y = new long[count];
        for (int i = 0; i < count; i++) {
            y[i] = labels[i] & 0xff;
        }
        return new Tensor[] {Tensor.fromArray(x, count, 1, height, width), Tensor.fromArray(y, count)};
    }

    @Override
    public String toString() {
        return "Dataset FashionMNIST\n    Number of datapoints: " + count + "\n    Root location: " + root
                + "\n    Split: " + (train ? "Train" : "Test");
    }
}
