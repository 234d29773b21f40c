/** Engine internals shared by ops: shape rules, argument checks, promotion, creation, in-place and printing. */
package dev.ember.engine.internal;
