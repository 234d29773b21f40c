/**
 * TF-Java's graph API, executed by the engine: the target of the migrator's "compat" level, where
 * swapping {@code org.tensorflow} imports for {@code dev.ember.tfcompat} runs a program unchanged
 * without the TensorFlow native runtime. Also GraphDef/SavedModel execution and TF checkpoint
 * import into state_dicts.
 *
 * <p>Status: TF checkpoint reading, writing and import into state_dicts work (package
 * {@link dev.ember.tfcompat.checkpoint}); the graph API and GraphDef execution are the "tfcompat"
 * issue and not implemented yet.
 */
package dev.ember.tfcompat;
