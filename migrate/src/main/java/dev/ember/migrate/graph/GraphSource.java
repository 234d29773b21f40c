package dev.ember.migrate.graph;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import dev.ember.engine.Tensor;
import dev.ember.tfcompat.checkpoint.CheckpointException;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * What {@code convert-graph} reads: a GraphDef, the named inputs and outputs of the function to
 * generate (a SavedModel signature's keys, or a frozen graph's placeholders and fetched nodes) and
 * the variable values (the SavedModel's {@code variables/} checkpoint; a frozen graph has only
 * {@code Const} nodes).
 */
public final class GraphSource implements AutoCloseable {
    /** One tensor of the graph: {@code node:index}. */
    public record TensorRef(String node, int index) {
        static TensorRef parse(String name) {
            int colon = name.lastIndexOf(':');
            if (colon > 0 && name.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                return new TensorRef(name.substring(0, colon), Integer.parseInt(name.substring(colon + 1)));
            }
            return new TensorRef(name, 0);
        }

        /** TF's tensor name, {@code node:index}. */
        public String tensorName() {
            return node + ":" + index;
        }
    }

    private static final Set<String> SIDE_EFFECTS = Set.of("NoOp", "SaveV2", "Save", "SaveSlices", "RestoreV2",
            "Restore", "RestoreSlice", "MergeV2Checkpoints", "ShardedFilename", "StringJoin");

    private final Path path;
    private final boolean savedModel;
    private final GraphDef graph;
    private final String signatureKey;
    private final LinkedHashMap<String, TensorRef> inputs;
    private final LinkedHashMap<String, TensorRef> outputs;
    private TfCheckpoint checkpoint;

    private GraphSource(Path path, boolean savedModel, GraphDef graph, String signatureKey,
            LinkedHashMap<String, TensorRef> inputs, LinkedHashMap<String, TensorRef> outputs) {
        this.path = path;
        this.savedModel = savedModel;
        this.graph = graph;
        this.signatureKey = signatureKey;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /**
     * Opens {@code path}: a SavedModel directory (tag set {@code serve}; {@code signature} or
     * {@code serving_default} or its only signature) or a GraphDef file ({@code .pb} binary,
     * {@code .pbtxt} text; {@code outputs} names the fetched nodes, by default every node nothing
     * consumes).
     */
    public static GraphSource open(Path path, String signature, List<String> outputs) {
        if (!Files.exists(path)) {
            throw new ConvertException("input " + path + " does not exist (expected a SavedModel directory or a graph.pb)");
        }
        if (Files.isDirectory(path)) {
            if (outputs != null && !outputs.isEmpty()) {
                throw new ConvertException("--outputs " + String.join(",", outputs) + " is for a GraphDef file; "
                        + "a SavedModel's outputs are its signature's (choose one with --signature)");
            }
            return savedModel(path, signature);
        }
        if (signature != null) {
            throw new ConvertException("--signature " + signature + " is for a SavedModel directory; " + path
                    + " is a GraphDef file (choose its outputs with --outputs)");
        }
        return graphDef(path, outputs);
    }

    private static GraphSource savedModel(Path dir, String signature) {
        MetaGraphDef meta = serveMetaGraph(dir);
        Map<String, SignatureDef> sigs = new TreeMap<>(meta.getSignatureDefMap());
        String key = signature != null ? signature
                : sigs.containsKey("serving_default") || sigs.size() != 1 ? "serving_default" : sigs.keySet().iterator().next();
        SignatureDef sig = sigs.get(key);
        if (sig == null) {
            throw new ConvertException("SavedModel " + dir + " has no signature '" + key + "'; it has "
                    + (sigs.isEmpty() ? "none" : sigs.keySet()) + (signature == null ? " (choose one with --signature)" : ""));
        }
        return new GraphSource(dir, true, meta.getGraphDef(), key, refs(sig.getInputsMap()), refs(sig.getOutputsMap()));
    }

    private static LinkedHashMap<String, TensorRef> refs(Map<String, TensorInfo> infos) {
        LinkedHashMap<String, TensorRef> out = new LinkedHashMap<>();
        new TreeMap<>(infos).forEach((k, v) -> out.put(k, TensorRef.parse(v.getName())));
        return out;
    }

    private static MetaGraphDef serveMetaGraph(Path dir) {
        Path pb = dir.resolve("saved_model.pb");
        Path pbtxt = dir.resolve("saved_model.pbtxt");
        SavedModel model;
        try {
            if (Files.isRegularFile(pb)) {
                model = SavedModel.parseFrom(Files.readAllBytes(pb));
            } else if (Files.isRegularFile(pbtxt)) {
                SavedModel.Builder b = SavedModel.newBuilder();
                TextFormat.merge(Files.readString(pbtxt, StandardCharsets.UTF_8), b);
                model = b.build();
            } else {
                throw new ConvertException("input " + dir + " is a directory without saved_model.pb or saved_model.pbtxt"
                        + " (expected a SavedModel directory or a graph.pb file)");
            }
        } catch (InvalidProtocolBufferException | TextFormat.ParseException e) {
            throw new ConvertException("input " + dir + ": the saved_model file is not a SavedModel protocol buffer ("
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ConvertException("input " + dir + ": cannot read the SavedModel: " + e, e);
        }
        List<String> tagSets = new ArrayList<>();
        for (MetaGraphDef m : model.getMetaGraphsList()) {
            if (m.getMetaInfoDef().getTagsList().contains("serve")) {
                return m;
            }
            tagSets.add(m.getMetaInfoDef().getTagsList().toString());
        }
        throw new ConvertException("SavedModel " + dir + " has no MetaGraphDef tagged 'serve'; tag sets: " + tagSets);
    }

    private static GraphSource graphDef(Path file, List<String> outputs) {
        GraphDef def;
        try {
            if (file.getFileName().toString().endsWith(".pbtxt")) {
                GraphDef.Builder b = GraphDef.newBuilder();
                TextFormat.merge(Files.readString(file, StandardCharsets.UTF_8), b);
                def = b.build();
            } else {
                def = GraphDef.parseFrom(Files.readAllBytes(file));
            }
        } catch (InvalidProtocolBufferException | TextFormat.ParseException e) {
            throw new ConvertException("input " + file + " is not a GraphDef protocol buffer (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ConvertException("input " + file + ": cannot read it: " + e, e);
        }
        if (def.getNodeCount() == 0) {
            throw new ConvertException("input " + file + " is an empty GraphDef (no nodes)");
        }
        Map<String, NodeDef> nodes = new LinkedHashMap<>();
        def.getNodeList().forEach(n -> nodes.put(n.getName(), n));
        LinkedHashMap<String, TensorRef> outs = new LinkedHashMap<>();
        List<String> wanted = outputs == null || outputs.isEmpty() ? sinks(def) : outputs;
        for (String o : wanted) {
            TensorRef ref = TensorRef.parse(o.trim());
            if (!nodes.containsKey(ref.node())) {
                throw new ConvertException("--outputs names '" + o + "' but " + file + " has no node '" + ref.node() + "'");
            }
            outs.put(ref.index() == 0 ? ref.node() : ref.tensorName(), ref);
        }
        if (outs.isEmpty()) {
            throw new ConvertException("input " + file + ": no output found (every node is consumed or a source); "
                    + "name the fetched nodes with --outputs");
        }
        LinkedHashMap<String, TensorRef> ins = new LinkedHashMap<>();
        for (String p : placeholdersFeeding(nodes, outs)) {
            ins.put(p, new TensorRef(p, 0));
        }
        return new GraphSource(file, false, def, null, ins, outs);
    }

    /** Nodes nothing consumes, except sources and bookkeeping (save/restore, NoOp, assignments). */
    private static List<String> sinks(GraphDef def) {
        Set<String> consumed = new HashSet<>();
        for (NodeDef n : def.getNodeList()) {
            for (String in : n.getInputList()) {
                consumed.add(TensorRef.parse(in.startsWith("^") ? in.substring(1) : in).node());
            }
        }
        List<String> out = new ArrayList<>();
        for (NodeDef n : def.getNodeList()) {
            String op = n.getOp();
            boolean bookkeeping = SIDE_EFFECTS.contains(op) || op.startsWith("Assign") || op.startsWith("Apply")
                    || op.startsWith("ResourceApply") || GraphConverter.isSource(op);
            if (!consumed.contains(n.getName()) && !bookkeeping) {
                out.add(n.getName());
            }
        }
        return out;
    }

    private static List<String> placeholdersFeeding(Map<String, NodeDef> nodes, Map<String, TensorRef> outs) {
        Set<String> seen = new HashSet<>();
        List<String> stack = new ArrayList<>();
        outs.values().forEach(r -> stack.add(r.node()));
        Set<String> found = new HashSet<>();
        while (!stack.isEmpty()) {
            String name = stack.remove(stack.size() - 1);
            NodeDef n = nodes.get(name);
            if (n == null || !seen.add(name)) {
                continue;
            }
            if (n.getOp().equals("Placeholder")) {
                found.add(name);
            }
            for (String in : n.getInputList()) {
                if (!in.startsWith("^")) {
                    stack.add(TensorRef.parse(in).node());
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String name : nodes.keySet()) {
            if (found.contains(name)) {
                ordered.add(name);
            }
        }
        return ordered;
    }

    /** The value of variable node {@code node} (by its name, the key TF-Java's and TF1's savers use). */
    Tensor readVariable(NodeDef node) {
        if (!savedModel) {
            throw new ConvertException("variable node '" + node.getName() + "' (" + node.getOp() + "): a GraphDef file "
                    + "carries no variable values; freeze the graph (variables to Const) or convert the SavedModel");
        }
        try {
            if (checkpoint == null) {
                checkpoint = TfCheckpoint.open(path);
            }
            List<String> keys = new ArrayList<>(List.of(node.getName()));
            if (node.getAttrMap().containsKey("shared_name")) {
                keys.add(node.getAttrMap().get("shared_name").getS().toStringUtf8());
            }
            for (String k : keys) {
                if (!k.isEmpty() && checkpoint.has(k)) {
                    return checkpoint.read(k);
                }
            }
            throw new ConvertException("variable node '" + node.getName() + "' (" + node.getOp() + ") has no value in "
                    + checkpoint.prefix() + " (looked up " + keys + "; the checkpoint has " + checkpoint.names().size()
                    + " keys" + (checkpoint.names().size() <= 20 ? ": " + checkpoint.names() : "") + ")");
        } catch (CheckpointException e) {
            throw new ConvertException("SavedModel " + path + ": cannot read variable '" + node.getName() + "': "
                    + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public boolean isSavedModel() {
        return savedModel;
    }

    public GraphDef graph() {
        return graph;
    }

    /** The SavedModel signature converted, or null for a GraphDef file. */
    public String signatureKey() {
        return signatureKey;
    }

    /** Input keys (signature keys, or placeholder names) to their tensors, in a stable order. */
    public LinkedHashMap<String, TensorRef> inputs() {
        return inputs;
    }

    /** Output keys (signature keys, or fetched node names) to their tensors. */
    public LinkedHashMap<String, TensorRef> outputs() {
        return outputs;
    }

    @Override
    public void close() {
        if (checkpoint != null) {
            checkpoint.close();
            checkpoint = null;
        }
    }
}
