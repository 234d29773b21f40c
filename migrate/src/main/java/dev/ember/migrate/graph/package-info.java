/**
 * {@code ember convert-graph}: a TF GraphDef or SavedModel to a readable engine {@code Module}
 * source (one field per layer or variable, a {@code forward} in eager ops with the graph's layout
 * handled at its boundary), its weights as a safetensors state_dict, and a generated JUnit parity
 * test against the real TF runtime. {@link dev.ember.migrate.graph.ConvertGraph} is the entry
 * point; {@link dev.ember.migrate.graph.GraphSource} reads the input, {@link
 * dev.ember.migrate.graph.GraphConverter} maps nodes to fields and statements, {@link
 * dev.ember.migrate.graph.ModuleSource} and {@link dev.ember.migrate.graph.ParityTestSource} print
 * the Java files.
 */
package dev.ember.migrate.graph;
