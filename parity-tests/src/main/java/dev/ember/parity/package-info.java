/**
 * The parity harness: runs a program on the real TensorFlow runtime and its migrated form on the
 * engine, on the same inputs, and compares named outputs and gradients under a tolerance policy.
 * The only module (with the CLI's {@code parity} command, later) that loads TensorFlow's native
 * runtime; a library users depend on in their own tests.
 *
 * <ul>
 *   <li>{@link dev.ember.parity.Parity} declares a case: seeded {@link dev.ember.parity.Input}s
 *       (drawn once in Java, TF layout), a {@link dev.ember.parity.TfSide} (any TF-Java code;
 *       {@link dev.ember.parity.TfGraphSide} for Graph + placeholders + Session,
 *       {@link dev.ember.parity.TfSavedModelSide} for a SavedModel signature) and an
 *       {@link dev.ember.parity.EngineSide}; {@link dev.ember.parity.Layout}s name the permutation
 *       applied at the boundary (NHWC/NCHW, HWIO/OIHW, ...); gradients of a declared scalar are
 *       compared as {@code d<scalar>/d<name>} (TF: {@code Graph.addGradients}; engine:
 *       {@link dev.ember.parity.EngineGradients} over {@code Autograd.grad}).</li>
 *   <li>{@link dev.ember.parity.TolerancePolicy}: per-dtype defaults, overrides only with a written
 *       reason; NaN/Inf masks, shapes and dtypes must match exactly; no sorting, no signed errors.</li>
 *   <li>{@link dev.ember.parity.ParityResult} / {@link dev.ember.parity.TensorComparison}: errors,
 *       mismatch counts, the worst element in both layouts, the tolerance and its reason, the seed;
 *       {@link dev.ember.parity.Localisation}: intermediates recorded through a
 *       {@link dev.ember.parity.Trace}, compared in layer order, first diverging layer.</li>
 *   <li>{@link dev.ember.parity.ParityAssertions} (AssertJ) and
 *       {@link dev.ember.parity.ParityReport} (Markdown and self-contained HTML with per-layer and
 *       divergence plots, written atomically).</li>
 * </ul>
 *
 * <p>Status: the harness works and is tested against TF-Java 1.1.0's runtime; the op, model,
 * training and tfcompat suites, and the {@code ember parity} command, are still to come. The tests
 * in {@code dev.ember.parity.checkpoint} check the pure-Java checkpoint reader and writer against
 * TF's own SaveV2/RestoreV2.
 */
package dev.ember.parity;
