/** Helpers of the framework classes; mirrors {@code org.tensorflow.framework.utils}. */
package dev.ember.tfcompat.framework.utils;
