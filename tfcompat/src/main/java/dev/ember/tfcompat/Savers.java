package dev.ember.tfcompat;

import dev.ember.tfcompat.op.Scope;
import dev.ember.tfcompat.types.TString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.SaverDef;

/**
 * The saver TF-Java 1.1.0's {@code Graph.saverDef()} adds on first use, under scope {@code save/}:
 * placeholder {@code save/filename}, one {@code SaveV2} ({@code save/Save}) and one {@code RestoreV2}
 * ({@code save/Restore}) over every {@code VariableV2} of the graph keyed by op name, one
 * {@code Assign} per variable, targets {@code save/control_dependency} and {@code save/restore_all}.
 * Resource variables are not saved (as in TF-Java). {@code shape_and_slices} is
 * {@code save/ZerosLike} of the names (all empty: whole tensors), as in TF-Java.
 */
final class Savers {
    private Savers() {
    }

    /** The SaverDef of a graph that already holds a saver (Python's {@code tf.train.Saver} or TF-Java's). */
    static SaverDef existing(Graph g) {
        if (g.operation("save/restore_all") == null) {
            return null;
        }
        String filename = g.operation("save/filename") != null ? "save/filename" : "save/Const";
        return SaverDef.newBuilder().setFilenameTensorName(filename + ":0")
                .setSaveTensorName("save/control_dependency").setRestoreOpName("save/restore_all").build();
    }

    /** Adds the saver nodes to {@code g}; returns their names. */
    static SaverDef addVariableSaver(Graph g) {
        Scope s = g.baseScope().withSubScope("save");
        List<String> names = new ArrayList<>();
        List<GraphOperation> vars = new ArrayList<>();
        for (Iterator<GraphOperation> it = g.operations(); it.hasNext();) {
            GraphOperation op = it.next();
            if (op.type().equals("VariableV2")) {
                names.add(op.name());
                vars.add(op);
            }
        }
        GraphOperation filename = (GraphOperation) s.withName("filename").opBuilder("Placeholder", "Placeholder")
                .setAttr("dtype", org.tensorflow.proto.DataType.DT_STRING).setAttr("shape", Shape.unknown()).build();
        if (vars.isEmpty()) {
            GraphOperation save = (GraphOperation) s.withName("empty_save").opBuilder("Identity", "Identity")
                    .addInput(filename.output(0)).build();
            GraphOperation restore = (GraphOperation) s.withName("restore_all").opBuilder("NoOp", "NoOp").build();
            return saverDef(filename, save, restore);
        }
        GraphOperation tensorNames = constant(s, TString.vectorOf(names.toArray(new String[0])));
        GraphOperation slices = (GraphOperation) s.opBuilder("ZerosLike", "ZerosLike")
                .addInput(tensorNames.output(0)).setAttr("T", org.tensorflow.proto.DataType.DT_STRING).build();
        OperationBuilder save = s.opBuilder("SaveV2", "Save").addInput(filename.output(0))
                .addInput(tensorNames.output(0)).addInput(slices.output(0));
        org.tensorflow.proto.DataType[] types = new org.tensorflow.proto.DataType[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            save.addInput(vars.get(i).output(0));
            types[i] = vars.get(i).output(0).dataType();
        }
        GraphOperation saveOp = (GraphOperation) save.setAttr("dtypes", types).build();
        GraphOperation id = (GraphOperation) s.withName("control_dependency").opBuilder("Identity", "Identity")
                .addInput(filename.output(0)).addControlInput(filename).addControlInput(saveOp).build();
        GraphOperation restore = (GraphOperation) s.opBuilder("RestoreV2", "Restore").addInput(filename.output(0))
                .addInput(tensorNames.output(0)).addInput(slices.output(0)).setAttr("dtypes", types).build();
        OperationBuilder restoreAll = s.withName("restore_all").opBuilder("NoOp", "NoOp");
        for (int i = 0; i < vars.size(); i++) {
            GraphOperation assign = (GraphOperation) s.opBuilder("Assign", "Assign").addInput(vars.get(i).output(0))
                    .addInput(restore.output(i)).setAttr("T", types[i]).setAttr("use_locking", true)
                    .setAttr("validate_shape", true).build();
            restoreAll.addControlInput(assign);
        }
        return saverDef(filename, id, (GraphOperation) restoreAll.build());
    }

    private static GraphOperation constant(Scope s, Tensor value) {
        return (GraphOperation) s.opBuilder("Const", "Const").setAttr("value", value)
                .setAttr("dtype", value.dataType()).build();
    }

    private static SaverDef saverDef(GraphOperation filename, GraphOperation save, GraphOperation restore) {
        return SaverDef.newBuilder().setFilenameTensorName(filename.name() + ":0").setSaveTensorName(save.name())
                .setRestoreOpName(restore.name()).build();
    }
}
