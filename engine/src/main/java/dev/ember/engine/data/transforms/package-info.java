/**
 * Image preprocessing and augmentation, the engine's {@code torchvision.transforms}:
 * {@link dev.ember.engine.data.transforms.Transform}, {@link dev.ember.engine.data.transforms.Compose},
 * {@link dev.ember.engine.data.transforms.ToTensor} (HWC uint8 {@link dev.ember.engine.data.transforms.Image}
 * to CHW float32), {@link dev.ember.engine.data.transforms.Normalize},
 * {@link dev.ember.engine.data.transforms.RandomCrop} and
 * {@link dev.ember.engine.data.transforms.RandomHorizontalFlip}. Pixel work runs on Java arrays;
 * random transforms draw from a seeded {@link dev.ember.engine.Generator}.
 */
package dev.ember.engine.data.transforms;
