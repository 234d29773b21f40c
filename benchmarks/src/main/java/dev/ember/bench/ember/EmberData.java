package dev.ember.bench.ember;

import dev.ember.bench.Measurement;
import dev.ember.bench.Settings;
import dev.ember.bench.Timer;
import dev.ember.bench.Workload;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.data.DataLoader;
import dev.ember.engine.data.FashionMnist;
import dev.ember.engine.data.Subset;
import dev.ember.engine.data.transforms.Compose;
import dev.ember.engine.data.transforms.Normalize;
import dev.ember.engine.data.transforms.RandomCrop;
import dev.ember.engine.data.transforms.RandomHorizontalFlip;
import dev.ember.engine.data.transforms.ToTensor;

/** W7: DataLoader throughput on Fashion-MNIST with augmentation; one iteration is one pass over 6,400 images. */
final class EmberData {
    private EmberData() {
    }

    static Measurement loader(Settings s, int workers) throws Exception {
        FashionMnist train = FashionMnist.load(true).withTransform(Compose.of(new RandomCrop(28, 2))
                .then(new RandomHorizontalFlip(0.5)).then(new ToTensor())
                .then(new Normalize(new double[] {0.2860}, new double[] {0.3530})));
        int[] idx = new int[Workload.W7_IMAGES];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        try (DataLoader<Tensor[]> loader = DataLoader.builder(new Subset<>(train, idx)).batchSize(64).shuffle(true)
                .generator(new Generator(0)).numWorkers(workers).build()) {
            return Timer.time(s, () -> {
                long images = 0;
                for (Tensor[] batch : loader) {
                    images += batch[0].size(0);
                }
                if (images != Workload.W7_IMAGES) {
                    throw new IllegalStateException("W7: the loader gave " + images + " images, expected "
                            + Workload.W7_IMAGES);
                }
                return Double.NaN;
            });
        }
    }
}
