/**
 * The kernel boundary: every numeric operation of the engine goes through these interfaces
 * (creation, elementwise, shape, reduction, linalg, nn). {@code backend.nd4j} implements them on
 * ND4J and is the only code that imports {@code org.nd4j}; a second backend (e.g. libtorch) is a
 * new implementation of these interfaces and nothing else.
 */
package dev.ember.engine.backend;
