/**
 * Small utilities for training programs: {@link dev.ember.engine.util.ProgressBar}, a console
 * progress bar in the manner of Python's {@code tqdm}.
 */
package dev.ember.engine.util;
