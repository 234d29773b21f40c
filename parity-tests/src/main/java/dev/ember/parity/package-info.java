/**
 * The parity harness: runs a program on the real TensorFlow runtime and its migrated form on the
 * engine, on the same inputs, and compares named outputs and gradients under a tolerance policy.
 * The only module (with the CLI's {@code parity} command) that loads TensorFlow's native runtime.
 *
 * <p>Status: the module and its TF-Java 1.1.0 dependencies are in place, and a test proves the TF
 * runtime and the engine run in one JVM; the tests in {@code dev.ember.parity.checkpoint} check the
 * pure-Java checkpoint reader and writer against TF's own SaveV2/RestoreV2. The harness itself is the
 * "parity-tests" issue.
 */
package dev.ember.parity;
