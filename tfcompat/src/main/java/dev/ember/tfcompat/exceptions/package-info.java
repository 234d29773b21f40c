/** The exceptions sessions and graphs throw; mirrors {@code org.tensorflow.exceptions}. */
package dev.ember.tfcompat.exceptions;
