/**
 * Running graphs on the engine: the op registry ({@link dev.ember.tfcompat.runtime.OpRegistry}),
 * kernels and what they see ({@link dev.ember.tfcompat.runtime.NodeView} at build time,
 * {@link dev.ember.tfcompat.runtime.KernelContext} at run time), the values flowing along edges
 * ({@link dev.ember.tfcompat.runtime.Value}) and the executor of one {@code Session.run}.
 *
 * <h2>The NHWC/NCHW layout pass</h2>
 *
 * TF's image ops default to NHWC; the engine's convolution, pooling and batch-norm kernels are NCHW.
 * Converting around every op would cost a transpose pair per op. Instead each
 * {@link dev.ember.tfcompat.runtime.Value} carries a physical {@link dev.ember.tfcompat.runtime.Layout}:
 * {@code LOGICAL} (the engine tensor is the TF tensor) or {@code NCHW} (the TF tensor is NHWC, the
 * engine tensor holds it permuted to NCHW). The pass works on values as a run produces them
 * ({@link dev.ember.tfcompat.runtime.LayoutPass}):
 * <ul>
 *   <li><b>NHWC-aware kernels</b> ({@code Conv2D}, {@code DepthwiseConv2dNative} and their backprops,
 *       {@code BiasAdd}/{@code BiasAddGrad}, {@code MaxPool}/{@code MaxPoolV2}/{@code AvgPool} and
 *       their gradients, {@code FusedBatchNorm*} and their gradients, {@code LRN}/{@code LRNGrad})
 *       read their NHWC inputs with {@code ctx.nchw(i)} (free for an NCHW-laid value, one transpose
 *       otherwise) and return NHWC outputs NCHW-laid with {@code ctx.nchwOutput(t, i)}.</li>
 *   <li><b>Elementwise kernels</b> ({@link dev.ember.tfcompat.runtime.Kernel#elementwise()}: those
 *       built with {@code Kernels.unary}, {@code Kernels.binary} or {@code Kernels.elementwise}, e.g.
 *       {@code Relu}, {@code Elu}, {@code ReluGrad}, {@code Add}) with at least one NCHW-laid input
 *       run on the NCHW tensors as they are and their outputs stay NCHW-laid. Other rank-4 inputs are
 *       converted (once per value); lower-rank inputs broadcast against NHWC ({@code [C]} biases,
 *       scalars) become permuted views, without a copy.</li>
 *   <li><b>Everything else</b> (Reshape, Shape, MatMul, fetches, unknown kernels) reads
 *       {@code Value.tensor()}, which is always the TF tensor: an NCHW-laid value is converted back on
 *       first use. {@code Value.shape()} gives the TF shape without converting.</li>
 * </ul>
 * Conversions are memoised per value, so a value with many consumers is converted at most once each
 * way; a chain {@code conv -> bias -> relu -> max pool -> conv} costs one transpose into NCHW and one
 * out of it (eight without the pass). Gradient targets of {@code tf.gradients} are taken in TF
 * layout, so gradients always refer to the TF tensors, and every conversion keeps autograd history.
 * The pass is on by default; a {@code Session} created with TF's {@code ConfigProto} whose
 * {@code graph_options.rewrite_options.layout_optimizer} is {@code OFF} runs without it (every
 * NHWC-aware kernel then converts its output back at once), with identical results.
 * {@code LayoutPass.transposes()} counts conversions per thread, for tests.
 */
package dev.ember.tfcompat.runtime;
