package dev.ember.engine.data.transforms;

import dev.ember.engine.Tensor;

/**
 * An HWC 8-bit {@link Image} to a CHW float32 tensor with values in {@code [0, 1]} (pixel / 255);
 * mirrors {@code torchvision.transforms.ToTensor}. A grayscale image gives {@code [1, H, W]}.
 */
public final class ToTensor implements Transform<Image, Tensor> {
    @Override
    public Tensor apply(Image image) {
        if (image == null) {
            throw new IllegalArgumentException("ToTensor: image is null");
        }
        int h = image.height();
        int w = image.width();
        int c = image.channels();
        byte[] px = image.pixels();
        float[] out = new float[px.length];
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            for (int ch = 0; ch < c; ch++) {
                out[ch * plane + p] = (px[p * c + ch] & 0xff) / 255f;
            }
        }
        return Tensor.fromArray(out, c, h, w);
    }

    @Override
    public String toString() {
        return "ToTensor()";
    }
}
