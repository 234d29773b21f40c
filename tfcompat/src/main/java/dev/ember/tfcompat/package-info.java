/**
 * TF-Java's graph API, executed by the engine: the target of the migrator's "compat" level, where
 * swapping {@code org.tensorflow} imports for {@code dev.ember.tfcompat} runs a program unchanged
 * without the TensorFlow native runtime. Also GraphDef/SavedModel execution and TF checkpoint
 * import into state_dicts.
 *
 * <p>Packages: this one (Graph, Session, SavedModelBundle, ...), {@code op} (the {@code Ops} API, one
 * class per op wrapper), {@code runtime} (registry, executor, layout pass, {@code kernels/} one file per
 * op family), {@code framework} (TF-Java framework optimizers and initializers), {@code legacy}
 * (libtensorflow 1.15's API), {@link dev.ember.tfcompat.checkpoint} (checkpoint read/write/import).
 */
package dev.ember.tfcompat;
