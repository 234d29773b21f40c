/** GraphDef import and export: protobuf nodes to {@code Graph} nodes and back, attributes and tensor values. */
package dev.ember.tfcompat.internal.graphdef;
