/**
 * TF-Java's graph API, executed by the engine: the target of the migrator's "compat" level, where
 * swapping {@code org.tensorflow} imports for {@code dev.ember.tfcompat} runs a program unchanged
 * without the TensorFlow native runtime. Also GraphDef/SavedModel execution and TF checkpoint
 * import into state_dicts.
 *
 * <p>Status: not yet implemented (issues "tfcompat" and "checkpoint import"); this package marks
 * where it will live.
 */
package dev.ember.tfcompat;
