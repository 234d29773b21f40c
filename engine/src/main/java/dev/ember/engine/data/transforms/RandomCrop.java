package dev.ember.engine.data.transforms;

import dev.ember.engine.Generator;
import dev.ember.engine.data.DataLoader;

/**
 * Crops a random {@code height x width} window, after padding every border by {@code padding}
 * pixels of value {@code fill}; mirrors {@code torchvision.transforms.RandomCrop(size, padding,
 * fill=fill)} (constant padding). The offsets are drawn from the generator given, or else from
 * {@link DataLoader#currentGenerator()} (the worker's generator inside a DataLoader worker, the
 * default generator elsewhere): {@code top} then {@code left}, each uniform over the valid range.
 */
public final class RandomCrop implements Transform<Image, Image> {
    private final int height;
    private final int width;
    private final int padding;
    private final int fill;
    private final Generator generator;

    /** A square {@code size x size} crop after {@code padding} pixels of zeros on each side. */
    public RandomCrop(int size, int padding) {
        this(size, size, padding, 0, null);
    }

    /** A {@code height x width} crop after {@code padding} pixels of {@code fill} (0..255); {@code generator} may be null. */
    public RandomCrop(int height, int width, int padding, int fill, Generator generator) {
        if (height < 1 || width < 1 || padding < 0 || fill < 0 || fill > 255) {
            throw new IllegalArgumentException("RandomCrop: expected size >= 1, padding >= 0 and 0 <= fill <= 255, got size "
                    + height + "x" + width + ", padding " + padding + ", fill " + fill);
        }
        this.height = height;
        this.width = width;
        this.padding = padding;
        this.fill = fill;
        this.generator = generator;
    }

    @Override
    public Image apply(Image img) {
        int ph = img.height() + 2 * padding;
        int pw = img.width() + 2 * padding;
        if (ph < height || pw < width) {
            throw new IllegalArgumentException("RandomCrop: required crop size " + height + "x" + width
                    + " is larger than the (padded) input image size " + ph + "x" + pw);
        }
        int top = 0;
        int left = 0;
        if (ph != height || pw != width) { // as torchvision: no draw when the crop is the whole image
            Generator g = generator != null ? generator : DataLoader.currentGenerator();
            top = (int) g.nextLong(ph - height + 1);
            left = (int) g.nextLong(pw - width + 1);
        }
        int c = img.channels();
        byte[] src = img.pixels();
        byte[] out = new byte[height * width * c];
        if (padding > 0 && fill != 0) {
            java.util.Arrays.fill(out, (byte) fill);
        }
        for (int y = 0; y < height; y++) {
            int sy = top + y - padding;
            if (sy < 0 || sy >= img.height()) {
                continue;
            }
            int x0 = Math.max(0, padding - left);                      // first column inside the image
            int x1 = Math.min(width, img.width() + padding - left);    // one past the last
            if (x1 > x0) {
                System.arraycopy(src, (sy * img.width() + left + x0 - padding) * c, out, (y * width + x0) * c,
                        (x1 - x0) * c);
            }
        }
        return new Image(height, width, c, out);
    }

    @Override
    public String toString() {
        return "RandomCrop(size=(" + height + ", " + width + "), padding=" + padding + ")";
    }
}
