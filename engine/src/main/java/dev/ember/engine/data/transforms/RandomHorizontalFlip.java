package dev.ember.engine.data.transforms;

import dev.ember.engine.Generator;
import dev.ember.engine.data.DataLoader;

/**
 * Mirrors an image left-right with probability {@code p}; mirrors
 * {@code torchvision.transforms.RandomHorizontalFlip(p)}. One uniform draw per image (flip when
 * it is {@code < p}) from the generator given, or else from {@link DataLoader#currentGenerator()}.
 */
public final class RandomHorizontalFlip implements Transform<Image, Image> {
    private final double p;
    private final Generator generator;

    /** Flips with probability {@code p} (0..1), drawing from the current generator. */
    public RandomHorizontalFlip(double p) {
        this(p, null);
    }

    /** Flips with probability {@code p}, drawing from {@code generator} (null: the current generator). */
    public RandomHorizontalFlip(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("RandomHorizontalFlip: p should be between 0 and 1, got " + p);
        }
        this.p = p;
        this.generator = generator;
    }

    @Override
    public Image apply(Image img) {
        Generator g = generator != null ? generator : DataLoader.currentGenerator();
        if (!(g.nextDouble() < p)) {
            return img;
        }
        int h = img.height();
        int w = img.width();
        int c = img.channels();
        byte[] src = img.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(src, (y * w + x) * c, out, (y * w + (w - 1 - x)) * c, c);
            }
        }
        return new Image(h, w, c, out);
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(p=" + p + ")";
    }
}
