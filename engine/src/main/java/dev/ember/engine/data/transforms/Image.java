package dev.ember.engine.data.transforms;

import java.util.Objects;

/**
 * An 8-bit image in height-width-channel (HWC) order; stands in for the {@code PIL.Image} (or
 * numpy {@code uint8} HWC array) that torchvision transforms take, and is the input of
 * {@link ToTensor} and of the image augmentations. Grayscale
 * images have one channel. The pixel array is not copied: treat it as read-only.
 *
 * @param height rows
 * @param width columns
 * @param channels values per pixel (1 grayscale, 3 RGB, ...)
 * @param pixels {@code height * width * channels} bytes, unsigned, row-major HWC
 */
public record Image(int height, int width, int channels, byte[] pixels) {
    /** Validates the sizes against the pixel array. */
    public Image {
        Objects.requireNonNull(pixels, "Image: pixels is null");
        if (height < 0 || width < 0 || channels < 1) {
            throw new IllegalArgumentException("Image: expected height, width >= 0 and channels >= 1, got "
                    + height + "x" + width + "x" + channels);
        }
        if ((long) height * width * channels != pixels.length) {
            throw new IllegalArgumentException("Image: " + height + "x" + width + "x" + channels + " needs "
                    + (long) height * width * channels + " bytes, got " + pixels.length);
        }
    }

    /** A grayscale {@code height x width} image (one channel). */
    public static Image gray(int height, int width, byte[] pixels) {
        return new Image(height, width, 1, pixels);
    }

    /** The unsigned value at row {@code y}, column {@code x}, channel {@code c}. */
    public int get(int y, int x, int c) {
        return pixels[(y * width + x) * channels + c] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image && ((Image) o).height == height && ((Image) o).width == width
                && ((Image) o).channels == channels && java.util.Arrays.equals(((Image) o).pixels, pixels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(height, width, channels, java.util.Arrays.hashCode(pixels));
    }

    @Override
    public String toString() {
        return "Image(" + height + "x" + width + "x" + channels + ")";
    }
}
