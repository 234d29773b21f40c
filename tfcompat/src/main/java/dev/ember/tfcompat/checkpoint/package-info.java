/**
 * TensorFlow checkpoints in pure Java (no TF runtime) and their import into engine state_dicts.
 *
 * <ul>
 *   <li>{@link dev.ember.tfcompat.checkpoint.TfCheckpoint}: reads a V2 checkpoint (tensor bundle:
 *       {@code P.index} SSTable + {@code P.data-NNNNN-of-MMMMM} shards), given as a prefix, a directory
 *       with a {@code checkpoint} state file or a SavedModel directory; verifies every CRC; lists
 *       {@link dev.ember.tfcompat.checkpoint.CheckpointEntry entries} and reads tensors on demand
 *       (dtype conversions in {@link dev.ember.tfcompat.checkpoint.TfDataType}).</li>
 *   <li>{@link dev.ember.tfcompat.checkpoint.TfCheckpointWriter}: writes the same format atomically,
 *       for test fixtures and for exporting state_dicts back to TF.</li>
 *   <li>{@link dev.ember.tfcompat.checkpoint.Layouts}: TF/Keras to PyTorch tensor layouts (activations,
 *       conv kernels, Dense, Flatten order, LSTM/GRU), exact index permutations.</li>
 *   <li>{@link dev.ember.tfcompat.checkpoint.NameRules}: checkpoint key to state_dict name rules
 *       (presets and user rule files); {@link dev.ember.tfcompat.checkpoint.CheckpointImporter}
 *       applies rules and layout {@link dev.ember.tfcompat.checkpoint.Transform transforms} and returns
 *       an {@link dev.ember.tfcompat.checkpoint.ImportResult} listing every decision as data.</li>
 * </ul>
 *
 * <p>The format and layout facts these follow are in {@code checkpoint-and-layout.md}; the
 * {@code parity-tests} module checks reader and writer against TF's own {@code SaveV2}/{@code RestoreV2}.
 * Internals: {@code TableReader}/{@code TableWriter} (LevelDB table format), {@code ProtoReader}/
 * {@code ProtoWriter} (hand-written protobuf for the few messages needed), {@code TensorCodec}
 * (element conversion, string tensors), {@code TensorKinds} (which transform a kernel needs).
 */
package dev.ember.tfcompat.checkpoint;
