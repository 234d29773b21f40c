package dev.ember.tfcompat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TextFormat;
import dev.ember.tfcompat.checkpoint.CheckpointException;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tensorflow.proto.AssetFileDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;

/** The files of a SavedModel directory, read with errors that say what is missing or wrong. */
final class SavedModelFiles {
    private SavedModelFiles() {
    }

    /** The MetaGraphDef of {@code dir} whose tag set equals {@code tags}. */
    static MetaGraphDef metaGraph(Path dir, String[] tags) {
        SavedModel model = read(dir);
        Set<String> wanted = SavedModelBundle.tagSet(tags);
        List<String> available = new ArrayList<>();
        for (MetaGraphDef m : model.getMetaGraphsList()) {
            Set<String> have = new LinkedHashSet<>(m.getMetaInfoDef().getTagsList());
            if (have.equals(wanted)) {
                return m;
            }
            available.add(SavedModelBundle.tagSet(have));
        }
        throw new TFNotFoundException("Could not find meta graph def matching supplied tags: "
                + SavedModelBundle.tagSet(wanted) + " in SavedModel " + dir + "; available tag sets: "
                + (available.isEmpty() ? "none (the SavedModel has no MetaGraphDef)" : String.join(", ", available)));
    }

    private static SavedModel read(Path dir) {
        if (!Files.exists(dir)) {
            throw new TFNotFoundException("SavedModel directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new TFInvalidArgumentException("SavedModel path " + dir + " is a file, not a SavedModel directory");
        }
        Path pb = dir.resolve("saved_model.pb");
        Path pbtxt = dir.resolve("saved_model.pbtxt");
        try {
            if (Files.isRegularFile(pb)) {
                try {
                    return SavedModel.parseFrom(Files.readAllBytes(pb));
                } catch (InvalidProtocolBufferException e) {
                    throw new TFInvalidArgumentException("Invalid SavedModel: " + pb
                            + " is not a serialized SavedModel protocol buffer (" + e.getMessage() + ")", e);
                }
            }
            if (Files.isRegularFile(pbtxt)) {
                SavedModel.Builder b = SavedModel.newBuilder();
                try {
                    TextFormat.merge(Files.readString(pbtxt, StandardCharsets.UTF_8), b);
                } catch (TextFormat.ParseException e) {
                    throw new TFInvalidArgumentException("Invalid SavedModel: " + pbtxt
                            + " is not a SavedModel in protobuf text format (" + e.getMessage() + ")", e);
                }
                return b.build();
            }
        } catch (IOException e) {
            throw new TFInvalidArgumentException("cannot read SavedModel " + dir + ": " + e, e);
        }
        throw new TFNotFoundException("Could not find SavedModel .pb or .pbtxt at supplied export directory path: "
                + dir + " (it holds: " + listing(dir) + ")");
    }

    private static String listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted()
                    .collect(Collectors.toList());
            return names.isEmpty() ? "nothing" : String.join(", ", names);
        } catch (IOException e) {
            return "?";
        }
    }

    /** The variable nodes of the graph (TF1 {@code VariableV2} and resource {@code VarHandleOp}). */
    static List<String> variableNodes(Graph graph) {
        List<String> out = new ArrayList<>();
        for (Iterator<GraphOperation> it = graph.operations(); it.hasNext();) {
            GraphOperation op = it.next();
            if (op.type().equals("VariableV2") || op.type().equals("VarHandleOp")) {
                out.add(op.name());
            }
        }
        return out;
    }

    /** Fails listing every data shard the variables index declares but the directory lacks. */
    static void checkShards(Path dir, Path prefix) {
        try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < ckpt.header().numShards(); i++) {
                if (!Files.isRegularFile(ckpt.shardFile(i))) {
                    missing.add(ckpt.shardFile(i).getFileName().toString());
                }
            }
            if (!missing.isEmpty()) {
                throw new TFNotFoundException("SavedModel " + dir + ": the variables index declares "
                        + ckpt.header().numShards() + " data file(s) but " + missing + " is/are missing from "
                        + prefix.getParent());
            }
        } catch (CheckpointException e) {
            throw new TFInvalidArgumentException("SavedModel " + dir + ": unreadable variables: " + e.getMessage(), e);
        }
    }

    /** Asset file paths to feed to the restore and init ops ({@code assets/<file>}), as TF's loader does. */
    static Map<String, Tensor> assetFeeds(Path dir, MetaGraphDef meta, Graph graph) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        for (AssetFileDef a : meta.getAssetFileDefList()) {
            String tensor = a.getTensorInfo().getName();
            if (graph.output(tensor) != null) {
                feeds.put(tensor, dev.ember.tfcompat.types.TString.scalarOf(
                        dir.resolve("assets").resolve(a.getFilename()).toString()));
            }
        }
        return feeds;
    }
}
