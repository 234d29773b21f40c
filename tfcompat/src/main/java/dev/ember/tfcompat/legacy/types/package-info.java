/** Legacy type markers; mirrors libtensorflow 1.15's {@code org.tensorflow.types}. */
package dev.ember.tfcompat.legacy.types;
