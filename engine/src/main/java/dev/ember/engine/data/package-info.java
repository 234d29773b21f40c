/**
 * Data loading, the engine's {@code torch.utils.data}: {@link dev.ember.engine.data.Dataset}
 * with {@link dev.ember.engine.data.TensorDataset}, {@link dev.ember.engine.data.Subset},
 * {@link dev.ember.engine.data.ConcatDataset} and {@link dev.ember.engine.data.Datasets#randomSplit};
 * samplers ({@link dev.ember.engine.data.SequentialSampler},
 * {@link dev.ember.engine.data.RandomSampler}, {@link dev.ember.engine.data.BatchSampler});
 * {@link dev.ember.engine.data.DataLoader} (seeded shuffle, batching with
 * {@link dev.ember.engine.data.Collate}, worker threads with bounded prefetch and clean shutdown);
 * and MNIST-format data ({@link dev.ember.engine.data.Idx}, {@link dev.ember.engine.data.FashionMnist}).
 * Image transforms live in {@code data.transforms}.
 */
package dev.ember.engine.data;
