package dev.ember.parity.models;

/** The model specs shared by the model and training suites. */
public final class LabModels {
    private LabModels() {
    }

    /**
     * The lab's small CNN on {@code h x w x c} images: conv 3x3 same (8) - relu - maxpool 2 -
     * conv 3x3 valid (8) - relu - maxpool 2 - flatten - dense 10 (so the Dense needs the flatten fix).
     */
    public static ModelSpec smallCnn(int h, int w, int c) {
        return ModelSpec.images(h, w, c).conv2d("conv2d", 8, 3, true).relu("re_lu").maxPool("max_pooling2d", 2)
                .conv2d("conv2d_1", 8, 3, false).relu("re_lu_1").maxPool("max_pooling2d_1", 2)
                .flatten("flatten").dense("dense", 10).classes(10);
    }
}
