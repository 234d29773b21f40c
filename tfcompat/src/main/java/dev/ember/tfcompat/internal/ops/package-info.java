/** Engine-internal helpers that build graph nodes by TF op type. */
package dev.ember.tfcompat.internal.ops;
