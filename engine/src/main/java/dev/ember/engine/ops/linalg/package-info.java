/** Matrix products. */
package dev.ember.engine.ops.linalg;
