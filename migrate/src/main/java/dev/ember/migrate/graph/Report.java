package dev.ember.migrate.graph;

import dev.ember.engine.Tensor;
import dev.ember.migrate.graph.ConvertedModel.Out;
import dev.ember.migrate.graph.ConvertedModel.Param;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** {@code convert-report.md}: inputs, outputs, graph nodes to fields, and every state_dict entry. */
final class Report {
    private Report() {
    }

    static String markdown(ConvertedModel m, Path input, String cls) {
        StringBuilder sb = new StringBuilder("# convert-graph: " + input + " -> " + cls + "\n\n");
        sb.append("| input | graph node | dtype | TF shape |\n|---|---|---|---|\n");
        for (Param p : m.params()) {
            sb.append("| ").append(p.name()).append(" | ").append(p.node()).append(" | ")
                    .append(ModuleSource.dtypeName(p.dtype())).append(" | ").append(shape(p.shape())).append(" |\n");
        }
        sb.append("\n| output | graph tensor | dtype | TF shape |\n|---|---|---|---|\n");
        for (Out o : m.outputs()) {
            sb.append("| ").append(o.name()).append(" | ").append(o.tensor()).append(" | ")
                    .append(ModuleSource.dtypeName(o.dtype())).append(" | ").append(shape(o.shape())).append(" |\n");
        }
        sb.append("\n## Graph nodes -> fields\n\n");
        m.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        sb.append("\n## Weights (").append(m.stateDict().size()).append(" tensors, ")
                .append(ConvertGraph.values(m.stateDict())).append(" values)\n\n| key | dtype | shape |\n|---|---|---|\n");
        for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue().dtype()).append(" | ")
                    .append(Arrays.toString(e.getValue().shape())).append(" |\n");
        }
        return sb.toString();
    }

    private static String shape(long[] s) {
        return s == null ? "unknown" : Arrays.toString(s).replace("-1", "?");
    }
}
