package dev.ember.migrate.graph;

import dev.ember.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * A converted graph, ready to print: the module's fields, the {@code forward} parameters and
 * statements, the returned outputs, the state_dict and the node-to-field notes.
 */
record ConvertedModel(List<Field> fields, List<Param> params, List<String> statements, List<Out> outputs,
        LinkedHashMap<String, Tensor> stateDict, List<String> notes) {

    /** One field: {@code public final <type> <name> = <init>;} with a Javadoc line. */
    record Field(String name, String type, String init, String doc) {
    }

    /** One {@code forward} parameter: the graph's input {@code key} (TF layout, TF dtype and static shape). */
    record Param(String name, String key, String node, DataType dtype, long[] shape) {
    }

    /** One returned output: the graph's output {@code key}, the expression in TF layout, dtype and static shape. */
    record Out(String name, String key, String tensor, String expr, DataType dtype, long[] shape) {
    }
}
