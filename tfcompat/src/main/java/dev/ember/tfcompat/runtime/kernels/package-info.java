/**
 * Kernels of the op registry, one class per family of TF op types; each class registers its types
 * with {@code OpRegistry.register(type, kernel)}, output rule and computation side by side.
 */
package dev.ember.tfcompat.runtime.kernels;
