/** Engine internals shared by ops: shape rules, argument checks, promotion, creation, in-place, printing, and the per-thread default generator of DataLoader workers. */
package dev.ember.engine.internal;
