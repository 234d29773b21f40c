package dev.ember.tfcompat;

import dev.ember.tfcompat.exceptions.TFInvalidArgumentException;
import dev.ember.tfcompat.exceptions.TFNotFoundException;
import dev.ember.tfcompat.exceptions.TensorFlowException;
import dev.ember.tfcompat.runtime.Errors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;

/**
 * A model loaded from a SavedModel directory ({@code saved_model.pb} + {@code variables/}): its graph
 * (with the function library), a session whose variables are restored the way TF restores them (the
 * saver's restore op run with {@code variables/variables} fed, for TF1 {@code VariableV2} graphs and
 * TF2 resource-variable graphs alike, then the init op), and the signatures as callable functions.
 * Mirrors {@code org.tensorflow.SavedModelBundle}, running on the engine.
 *
 * <pre>{@code
 * try (SavedModelBundle b = SavedModelBundle.load("/models/mnist", "serve")) {
 *     Result r = b.function("serving_default").call(Map.of("x", input));
 * }
 * }</pre>
 */
public class SavedModelBundle implements AutoCloseable {
    /** The tag of serving graphs, {@code "serve"}. */
    public static final String DEFAULT_TAG = "serve";

    private static final String INIT_OP_SIGNATURE_KEY = "__saved_model_init_op";
    private static final String MAIN_OP_COLLECTION_KEY = "saved_model_main_op";
    private static final String LEGACY_INIT_OP_COLLECTION_KEY = "legacy_init_op";
    private static final String TABLE_INITIALIZERS_COLLECTION_KEY = "table_initializer";

    private final Graph graph;
    private final Session session;
    private final MetaGraphDef metaGraphDef;
    private final Map<String, SessionFunction> functions;

    private SavedModelBundle(Graph graph, Session session, MetaGraphDef metaGraphDef,
            Map<String, SessionFunction> functions) {
        this.graph = graph;
        this.session = session;
        this.metaGraphDef = metaGraphDef;
        this.functions = functions;
    }

    /** Loads the MetaGraphDef tagged exactly {@code tags} ({@code "serve"} when none) from {@code exportDir}. */
    public static SavedModelBundle load(String exportDir, String... tags) {
        Loader loader = loader(exportDir);
        if (tags != null && tags.length > 0) {
            loader.withTags(tags);
        }
        return loader.load();
    }

    /** A loader for {@code exportDir}, to set tags before loading. */
    public static Loader loader(String exportDir) {
        return new Loader(exportDir);
    }

    /** An exporter writing a SavedModel to {@code exportDir}. */
    public static Exporter exporter(String exportDir) {
        return new Exporter(exportDir);
    }

    /** The loaded {@code MetaGraphDef}. */
    public MetaGraphDef metaGraphDef() {
        return metaGraphDef;
    }

    public Graph graph() {
        return graph;
    }

    /** The session, with variables restored. */
    public Session session() {
        return session;
    }

    /** The signatures of the model's functions (the init-op marker excluded). */
    public List<Signature> signatures() {
        List<Signature> out = new ArrayList<>();
        for (SessionFunction f : functions.values()) {
            if (!f.signature().key().equals(INIT_OP_SIGNATURE_KEY)) {
                out.add(f.signature());
            }
        }
        return out;
    }

    /** The function of signature {@code signatureKey}; an error listing the keys when there is none. */
    public SessionFunction function(String signatureKey) {
        SessionFunction f = functions.get(signatureKey);
        if (f == null) {
            throw new IllegalArgumentException(String.format("Function with signature [%s] not found (the model has: %s)",
                    signatureKey, functions.keySet()));
        }
        return f;
    }

    /** All functions; they share the bundle's session. */
    public List<SessionFunction> functions() {
        return new ArrayList<>(functions.values());
    }

    /** Calls the only function, or {@code serving_default}; mirrors {@code SavedModelBundle.call}. */
    public Result call(Map<String, Tensor> arguments) {
        SessionFunction f = functions.size() == 1 ? functions.values().iterator().next()
                : functions.get(Signature.DEFAULT_KEY);
        if (f == null) {
            throw new IllegalArgumentException("Cannot elect a default function for this model");
        }
        return f.call(arguments);
    }

    /** Closes the session and the graph. */
    @Override
    public void close() {
        session.close();
        graph.close();
    }

    /** Loading options; mirrors {@code SavedModelBundle.Loader}. */
    public static final class Loader {
        private final String exportDir;
        private String[] tags = {DEFAULT_TAG};

        private Loader(String exportDir) {
            this.exportDir = exportDir;
        }

        /** Loads the model. */
        public SavedModelBundle load() {
            return SavedModelBundle.loadTagged(exportDir, tags);
        }

        /** Accepted for compatibility; run options do not apply to the engine. */
        public Loader withRunOptions(RunOptions options) {
            return this;
        }

        /** Accepted for compatibility; session options do not apply to the engine. */
        public Loader withConfigProto(ConfigProto configProto) {
            return this;
        }

        /** The tags of the MetaGraphDef to load (all must match, as in TF). */
        public Loader withTags(String... tags) {
            validateTags(tags);
            this.tags = tags;
            return this;
        }
    }

    /** Writes a SavedModel; mirrors {@code SavedModelBundle.Exporter}. */
    public static final class Exporter {
        private final String exportDir;
        private String[] tags = {DEFAULT_TAG};
        private Session session;
        private final Map<String, SessionFunction> functions = new LinkedHashMap<>();

        Exporter(String exportDir) {
            this.exportDir = exportDir;
        }

        public Exporter withTags(String... tags) {
            validateTags(tags);
            this.tags = tags;
            return this;
        }

        /** The session to export (its graph and variables). */
        public Exporter withSession(Session session) {
            if (this.session != null && this.session != session) {
                throw new IllegalStateException("This exporter already has a session that differs from the passed session");
            }
            this.session = session;
            return this;
        }

        /** Adds a function (a signature over the exporter's session). */
        public Exporter withFunction(SessionFunction function) {
            String key = function.signature().key();
            if (functions.containsKey(key)) {
                throw new IllegalArgumentException("Function \"" + key + "\" was already added to the model");
            }
            if (session != null && session != function.session()) {
                throw new UnsupportedOperationException(
                        "This exporter already has a session that differs from the passed function's session");
            }
            session = function.session();
            functions.put(key, function);
            return this;
        }

        public Exporter withFunctions(SessionFunction... functions) {
            for (SessionFunction f : functions) {
                withFunction(f);
            }
            return this;
        }

        /** Adds a signature over the session set by {@link #withSession} (call that first). */
        public Exporter withSignature(Signature signature) {
            if (session == null) {
                throw new IllegalStateException(
                        "Session has not been set yet, you must call withSession or withFunction first.");
            }
            return withFunction(session.function(signature));
        }

        public Exporter withSignatures(Signature... signatures) {
            for (Signature s : signatures) {
                withSignature(s);
            }
            return this;
        }

        /** Writes {@code saved_model.pb} and {@code variables/variables.*} (the session's VariableV2 values). */
        public void export() throws IOException {
            if (functions.isEmpty()) {
                throw new IllegalStateException("Model should contain at least one valid function");
            }
            Graph graph = session.graph();
            SaverDef saverDef = graph.saverDef();
            MetaGraphDef.Builder meta = MetaGraphDef.newBuilder().setSaverDef(saverDef).setGraphDef(graph.toGraphDef())
                    .setMetaInfoDef(MetaGraphDef.MetaInfoDef.newBuilder().addAllTags(Arrays.asList(tags)));
            functions.forEach((k, f) -> meta.putSignatureDef(k, f.signature().asSignatureDef()));
            Path variables = Paths.get(exportDir, "variables");
            Files.createDirectories(variables);
            session.save(variables.resolve("variables").toString());
            try (OutputStream out = Files.newOutputStream(Paths.get(exportDir, "saved_model.pb"))) {
                SavedModel.newBuilder().addMetaGraphs(meta).build().writeTo(out);
            }
        }
    }

    // ---------------------------------------------------------------- loading

    private static void validateTags(String[] tags) {
        if (tags == null || Arrays.stream(tags).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Invalid tags: " + Arrays.toString(tags));
        }
    }

    private static SavedModelBundle loadTagged(String exportDir, String[] tags) {
        Path dir = Paths.get(exportDir).toAbsolutePath().normalize();
        MetaGraphDef meta = SavedModelFiles.metaGraph(dir, tags);
        Graph graph = new Graph();
        Session session = new Session(graph);
        try {
            try {
                graph.importGraphDef(meta.getGraphDef());
            } catch (TensorFlowException e) {
                throw Errors.prefixed("SavedModel " + dir + ": ", e);
            }
            if (meta.hasSaverDef()) {
                graph.saverDef(meta.getSaverDef());
            }
            Map<String, Tensor> assets = SavedModelFiles.assetFeeds(dir, meta, graph);
            restore(dir, meta, graph, session, assets);
            Map<String, SessionFunction> functions = new LinkedHashMap<>();
            meta.getSignatureDefMap().forEach((key, def) -> functions.put(key,
                    new SessionFunction(new Signature(key, def), session)));
            GraphOperation initOp = findInitOp(graph, meta);
            if (initOp != null) {
                run(dir, "running the init op '" + initOp.name() + "'", session.runner().addTarget(initOp), assets);
                graph.registerInitOp(initOp);
            }
            session.markAllInitializersAsRan();
            if (meta.containsCollectionDef(TABLE_INITIALIZERS_COLLECTION_KEY)) {
                for (String node : meta.getCollectionDefOrThrow(TABLE_INITIALIZERS_COLLECTION_KEY).getNodeList()
                        .getValueList()) {
                    graph.registerInitOp(graph.operationOrThrow(opName(node)));
                }
            }
            session.initialize();
            return new SavedModelBundle(graph, session, meta, functions);
        } catch (RuntimeException e) {
            session.close();
            graph.close();
            throw e;
        }
    }

    /** Runs the saver's restore op with {@code variables/variables} fed, as TF's loader does. */
    private static void restore(Path dir, MetaGraphDef meta, Graph graph, Session session, Map<String, Tensor> assets) {
        SaverDef saver = meta.getSaverDef();
        Path prefix = dir.resolve("variables").resolve("variables");
        if (!meta.hasSaverDef() || saver.getRestoreOpName().isEmpty()) {
            return;
        }
        if (!Files.exists(prefix.resolveSibling("variables.index"))) {
            List<String> vars = SavedModelFiles.variableNodes(graph);
            if (vars.isEmpty()) {
                return;  // TF: "The specified SavedModel has no variables; no checkpoints were restored."
            }
            throw new TFNotFoundException("SavedModel " + dir + " has " + vars.size() + " variable(s) ("
                    + String.join(", ", vars.subList(0, Math.min(5, vars.size()))) + (vars.size() > 5 ? ", ..." : "")
                    + ") but no variables file " + prefix + ".index; the variables/ directory is missing or incomplete");
        }
        SavedModelFiles.checkShards(dir, prefix);
        Session.Runner r = session.runner().addTarget(saver.getRestoreOpName())
                .feed(saver.getFilenameTensorName(), dev.ember.tfcompat.types.TString.scalarOf(prefix.toString()));
        run(dir, "restoring its variables from " + prefix, r, assets);
    }

    private static void run(Path dir, String what, Session.Runner r, Map<String, Tensor> assets) {
        assets.forEach(r::feed);
        try {
            r.run().close();
        } catch (TensorFlowException e) {
            throw Errors.prefixed("SavedModel " + dir + ": " + what + ": ", e);
        }
    }

    /** The init op: the {@code __saved_model_init_op} signature (TF2), else the main-op / legacy init collection (TF1). */
    private static GraphOperation findInitOp(Graph graph, MetaGraphDef meta) {
        org.tensorflow.proto.SignatureDef sig = meta.getSignatureDefMap().get(INIT_OP_SIGNATURE_KEY);
        if (sig != null && sig.containsOutputs(INIT_OP_SIGNATURE_KEY)) {
            return graph.operationOrThrow(opName(sig.getOutputsOrThrow(INIT_OP_SIGNATURE_KEY).getName()));
        }
        org.tensorflow.proto.CollectionDef c = meta.getCollectionDefMap().get(MAIN_OP_COLLECTION_KEY);
        if (c == null) {
            c = meta.getCollectionDefMap().get(LEGACY_INIT_OP_COLLECTION_KEY);
        }
        if (c == null) {
            return null;
        }
        if (c.getNodeList().getValueCount() != 1) {
            throw new TFInvalidArgumentException("Expected exactly one main op in saved model, got "
                    + c.getNodeList().getValueList());
        }
        return graph.operationOrThrow(opName(c.getNodeList().getValue(0)));
    }

    private static String opName(String tensor) {
        String t = tensor.startsWith("^") ? tensor.substring(1) : tensor;
        int colon = t.lastIndexOf(':');
        return colon > 0 && t.substring(colon + 1).chars().allMatch(Character::isDigit) ? t.substring(0, colon) : t;
    }

    /** Tag sets as TF prints them: {@code { serve, gpu }}. */
    static String tagSet(Set<String> tags) {
        return "{ " + String.join(", ", tags) + " }";
    }

    static Set<String> tagSet(String[] tags) {
        return new LinkedHashSet<>(Arrays.asList(tags));
    }
}
