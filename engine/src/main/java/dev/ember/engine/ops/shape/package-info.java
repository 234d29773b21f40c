/** Shape ops: views, reshapes, permutes, expands, concatenation, slicing, indexing, dtype copies. */
package dev.ember.engine.ops.shape;
