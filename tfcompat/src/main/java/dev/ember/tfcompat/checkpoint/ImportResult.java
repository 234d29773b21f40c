package dev.ember.tfcompat.checkpoint;

import dev.ember.engine.DType;
import dev.ember.engine.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link CheckpointImporter} produced: the state_dict and, as data, one {@link Row} per engine
 * tensor (TF name, dtype, shape -> engine name, dtype, shape, transform), the skipped keys with
 * reasons, the keys no rule mapped, and the problems (tensors that were mapped but could not be
 * imported, e.g. an undecidable kernel kind). {@link #match} compares it with a target's expected
 * names and shapes.
 */
public final class ImportResult {

    /** One imported tensor. {@code tfName} is null for tensors the import created ({@link Transform#ADDED}). */
    public record Row(String tfName, TfDataType tfDtype, long[] tfShape, String engineName, DType engineDtype,
                      long[] engineShape, Transform transform) {
        public Row {
            tfShape = tfShape == null ? null : tfShape.clone();
            engineShape = engineShape.clone();
        }

        @Override
        public long[] tfShape() {
            return tfShape == null ? null : tfShape.clone();
        }

        @Override
        public long[] engineShape() {
            return engineShape.clone();
        }
    }

    /** A checkpoint key left out on purpose. */
    public record Skip(String tfName, String reason) {
    }

    /** A mapped key that could not be imported, and why. */
    public record Problem(String tfName, String reason) {
    }

    /** A name present on both sides with different shapes. */
    public record Mismatch(String name, long[] expected, long[] actual) {
        public Mismatch {
            expected = expected.clone();
            actual = actual.clone();
        }

        @Override
        public String toString() {
            return name + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(actual);
        }
    }

    /**
     * The comparison with a target (e.g. a module's state_dict shapes): names it expects that were not
     * imported, imported names it does not expect, and names whose shapes differ; all in order.
     */
    public record Match(List<String> missing, List<String> unexpected, List<Mismatch> mismatched) {
        public Match {
            missing = List.copyOf(missing);
            unexpected = List.copyOf(unexpected);
            mismatched = List.copyOf(mismatched);
        }

        /** {@code true} when every expected name was imported with its shape and nothing else was. */
        public boolean isExact() {
            return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
        }
    }

    private final Map<String, Tensor> stateDict;
    private final List<Row> rows;
    private final List<Skip> skipped;
    private final List<String> unmapped;
    private final List<Problem> problems;
    private final List<String> notes;

    ImportResult(LinkedHashMap<String, Tensor> stateDict, List<Row> rows, List<Skip> skipped, List<String> unmapped,
                 List<Problem> problems, List<String> notes) {
        this.stateDict = Collections.unmodifiableMap(new LinkedHashMap<>(stateDict));
        this.rows = List.copyOf(rows);
        this.skipped = List.copyOf(skipped);
        this.unmapped = List.copyOf(unmapped);
        this.problems = List.copyOf(problems);
        this.notes = List.copyOf(notes);
    }

    /** Engine name -> tensor, in checkpoint key order (a module's own order comes from the module). */
    public LinkedHashMap<String, Tensor> stateDict() {
        return new LinkedHashMap<>(stateDict);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Skip> skipped() {
        return skipped;
    }

    /** Keys no rule matched. */
    public List<String> unmapped() {
        return unmapped;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Things to set on the target module that checkpoints do not store (e.g. BatchNorm eps/momentum). */
    public List<String> notes() {
        return notes;
    }

    /** {@code true} when every checkpoint key was imported or skipped on purpose. */
    public boolean isComplete() {
        return unmapped.isEmpty() && problems.isEmpty();
    }

    /** Compares the imported names and shapes with {@code expected} (name -> shape, e.g. a module's). */
    public Match match(Map<String, long[]> expected) {
        List<String> missing = new ArrayList<>();
        List<Mismatch> mismatched = new ArrayList<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Tensor t = stateDict.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(t.shape(), e.getValue())) {
                mismatched.add(new Mismatch(e.getKey(), e.getValue(), t.shape()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : stateDict.keySet()) {
            if (!expected.containsKey(name)) {
                unexpected.add(name);
            }
        }
        return new Match(missing, unexpected, mismatched);
    }

    /** The report: the import table, then skipped, unmapped and problem keys, then notes. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| TF name | TF dtype | TF shape | engine name | dtype | shape | transform |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.tfName() == null ? "-" : code(r.tfName()))
                    .append(" | ").append(r.tfDtype() == null ? "-" : r.tfDtype().tfName())
                    .append(" | ").append(r.tfShape() == null ? "-" : Arrays.toString(r.tfShape()))
                    .append(" | ").append(code(r.engineName()))
                    .append(" | ").append(r.engineDtype().torchName())
                    .append(" | ").append(Arrays.toString(r.engineShape()))
                    .append(" | ").append(r.transform().ruleName()).append(" |\n");
        }
        if (!skipped.isEmpty()) {
            sb.append("\nSkipped (").append(skipped.size()).append("):\n\n| TF name | reason |\n|---|---|\n");
            skipped.forEach(s -> sb.append("| ").append(code(s.tfName())).append(" | ").append(cell(s.reason()))
                    .append(" |\n"));
        }
        if (!unmapped.isEmpty()) {
            sb.append("\nUnmapped, no rule matched (").append(unmapped.size()).append("):\n\n");
            unmapped.forEach(u -> sb.append("- ").append(code(u)).append('\n'));
        }
        if (!problems.isEmpty()) {
            sb.append("\nNot imported (").append(problems.size()).append("):\n\n| TF name | problem |\n|---|---|\n");
            problems.forEach(p -> sb.append("| ").append(code(p.tfName())).append(" | ").append(cell(p.reason()))
                    .append(" |\n"));
        }
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n\n");
            notes.forEach(n -> sb.append("- ").append(cell(n)).append('\n'));
        }
        return sb.toString();
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    @Override
    public String toString() {
        return "ImportResult(" + rows.size() + " tensors, " + skipped.size() + " skipped, " + unmapped.size()
                + " unmapped, " + problems.size() + " problems)";
    }
}
