/**
 * The legacy TF-Java 1.x API (libtensorflow 1.15's {@code org.tensorflow} package) as thin adapters
 * over tfcompat's {@code Graph}/{@code Session}, running on the engine: {@code Tensor<T>} with
 * {@code Tensor.create(Object)}, {@code copyTo}, {@code floatValue()}; {@code Tensors.create(...)};
 * {@code Graph.opBuilder(type, name)}; {@code graph.operation(name).output(i)};
 * {@code Session.Runner.run()} returning {@code List<Tensor<?>>}; {@code importGraphDef(byte[])};
 * {@code SavedModelBundle.load(dir, tags...)}. Same class names as {@code org.tensorflow}, so that
 * migrating legacy sources is an import swap ({@code org.tensorflow.X} to
 * {@code dev.ember.tfcompat.legacy.X}, {@code org.tensorflow.types.UInt8} to
 * {@code dev.ember.tfcompat.legacy.types.UInt8}).
 *
 * <p>Errors map as libtensorflow maps TF status codes: invalid argument to
 * {@code IllegalArgumentException}, failed precondition to {@code IllegalStateException},
 * unimplemented to {@code UnsupportedOperationException}, the rest to {@link
 * dev.ember.tfcompat.legacy.TensorFlowException}. Not provided: {@code EagerSession},
 * {@code EagerOperation}, {@code Server}, the generated {@code org.tensorflow.op} classes of 1.15,
 * {@code TensorFlow.loadLibrary}. Strings are bytes in 1.x; tfcompat keeps them as UTF-8 text, so
 * byte strings that are not valid UTF-8 do not survive a run.
 */
package dev.ember.tfcompat.legacy;
