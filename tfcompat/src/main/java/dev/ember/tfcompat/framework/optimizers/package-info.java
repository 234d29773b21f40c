/**
 * Graph optimizers; mirrors {@code org.tensorflow.framework.optimizers} 1.0.0: {@link
 * dev.ember.tfcompat.framework.optimizers.GradientDescent}, {@code Momentum}, {@code Adam}, {@code RMSProp},
 * {@code AdaGrad}. {@code minimize(loss)} adds the gradients of the loss with respect to every
 * {@code VariableV2} of the graph, the slot variables (registered as initializers) and one
 * {@code Apply*} op per variable, gathered under a {@code NoOp} to run as a target.
 */
package dev.ember.tfcompat.framework.optimizers;
