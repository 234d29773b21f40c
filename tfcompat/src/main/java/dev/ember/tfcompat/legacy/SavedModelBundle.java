package dev.ember.tfcompat.legacy;

/**
 * A SavedModel loaded for the TF 1.x API: graph, session with restored variables, and the serialized
 * MetaGraphDef; mirrors libtensorflow 1.15's {@code org.tensorflow.SavedModelBundle} over tfcompat's.
 */
public class SavedModelBundle implements AutoCloseable {
    private final dev.ember.tfcompat.SavedModelBundle modern;
    private final Graph graph;
    private final Session session;

    private SavedModelBundle(dev.ember.tfcompat.SavedModelBundle modern) {
        this.modern = modern;
        this.graph = new Graph(modern.graph());
        this.session = new Session(graph, modern.session());
    }

    /** Loads the MetaGraphDef of {@code exportDir} tagged exactly {@code tags}. */
    public static SavedModelBundle load(String exportDir, String... tags) {
        return loader(exportDir).withTags(tags).load();
    }

    /** A loader for {@code exportDir}. */
    public static Loader loader(String exportDir) {
        return new Loader(exportDir);
    }

    /** The serialized MetaGraphDef. */
    public byte[] metaGraphDef() {
        return modern.metaGraphDef().toByteArray();
    }

    public Graph graph() {
        return graph;
    }

    public Session session() {
        return session;
    }

    @Override
    public void close() {
        modern.close();
    }

    /** Loading options; mirrors {@code SavedModelBundle.Loader}. */
    public static final class Loader {
        private final String exportDir;
        private String[] tags = {};

        private Loader(String exportDir) {
            this.exportDir = exportDir;
        }

        public SavedModelBundle load() {
            try {
                return new SavedModelBundle(dev.ember.tfcompat.SavedModelBundle.loader(exportDir).withTags(tags).load());
            } catch (RuntimeException e) {
                throw LegacyErrors.map(e);
            }
        }

        /** Accepted for compatibility; run options do not apply to the engine. */
        public Loader withRunOptions(byte[] options) {
            return this;
        }

        /** Accepted for compatibility; session options do not apply to the engine. */
        public Loader withConfigProto(byte[] configProto) {
            return this;
        }

        /** The tags of the MetaGraphDef to load (the set must match exactly, as in TF). */
        public Loader withTags(String... tags) {
            this.tags = tags;
            return this;
        }
    }
}
