package dev.ember.cli;

import dev.ember.engine.Tensor;
import dev.ember.engine.io.StateDicts;
import dev.ember.engine.nn.Module;
import dev.ember.engine.optim.SGD;
import dev.ember.engine.util.ProgressBar;
import dev.ember.migrate.Level;
import dev.ember.migrate.MigrateOptions;
import dev.ember.migrate.Migrator;
import dev.ember.migrate.report.FileReport;
import dev.ember.migrate.report.Finding;
import dev.ember.migrate.report.Report;
import dev.ember.parity.MigratedProject;
import dev.ember.parity.ParityReport;
import dev.ember.parity.ParityResult;
import dev.ember.parity.TensorComparison;
import dev.ember.tfcompat.checkpoint.CheckpointEntry;
import dev.ember.tfcompat.checkpoint.CheckpointImporter;
import dev.ember.tfcompat.checkpoint.ImportResult;
import dev.ember.tfcompat.checkpoint.NameRules;
import dev.ember.tfcompat.checkpoint.TfCheckpoint;
import dev.ember.tfcompat.checkpoint.Transform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ember demo}: the main job on the built-in example, end to end. examples/tf-java-classic (a
 * TF-Java graph/session CNN) is trained briefly on the real TF runtime and saves its checkpoint; then it
 * is migrated to eager engine code, the result and its generated parity tests are compiled and run, the
 * TF checkpoint is imported into the migrated model, whose test accuracy must equal TF's, and the model
 * is fine-tuned on the engine. Everything is built in a hidden sibling directory of {@code --out} and
 * moved into place only when every stage succeeded.
 */
final class DemoCommand implements Command {
    static final String EXAMPLE = "examples/tf-java-classic";
    static final Path DEFAULT_DATA = Path.of("/usr/share/datasets/fashion-mnist");
    /** Training images for TF's one short epoch and for each fine-tuning epoch: 150 steps of 64 (the test set: as many). */
    static final int DEFAULT_LIMIT = 9_600;
    private static final int STAGES = 6;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the main job on the built-in example: train on TF, migrate, prove parity, import, fine-tune";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: ember demo [--out DIR] [--epochs N] [--force]",
                "",
                "Runs the main job on " + EXAMPLE + " (a TF-Java graph/session CNN for Fashion-MNIST):",
                "  1. trains the original program briefly on the real TF runtime (one epoch over --limit images)",
                "     and saves its checkpoint with Session.save;",
                "  2. migrates it to eager engine code (ember migrate --level eager --emit-parity-tests);",
                "  3. compiles the migrated program and its generated parity tests;",
                "  4. runs the parity tests (original on real TF vs migrated on the engine) and prints the table;",
                "  5. imports TF's checkpoint into the migrated model's state_dict and prints the import table;",
                "  6. evaluates the test accuracy (it must equal TF's), fine-tunes on the engine, evaluates again.",
                "",
                "Fashion-MNIST comes from the Debian package dataset-fashion-mnist when installed, else the",
                "example's small deterministic synthetic set is used (and said).",
                "",
                "options:",
                "  --out DIR       where the results go (default build/demo): the migrated project, reports,",
                "                  checkpoints; written only when every stage succeeds",
                "  --force         replace a non-empty --out",
                "  --epochs N      fine-tuning epochs on the engine (default 1)",
                "  --limit N       training images used (default " + DEFAULT_LIMIT + ", i.e. "
                        + DEFAULT_LIMIT / 64 + " steps of 64); the test set is",
                "                  its first min(N, all) images, as the example does",
                "  --data DIR      the Fashion-MNIST IDX files (default " + DEFAULT_DATA + "); a directory without",
                "                  them selects the synthetic set",
                "  --example DIR   the TF-Java program to run (default: " + EXAMPLE + " of this Ember checkout)",
                "",
                "Exit codes: 0 every stage passed, 1 a stage failed (nothing written to --out), 2 usage error.",
                "");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "epochs", "limit", "data", "example");
    }

    @Override
    public Set<String> switches() {
        return Set.of("force");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (!args.positionals().isEmpty()) {
            throw new Args.UsageException("demo takes no arguments, got " + args.positionals());
        }
        int epochs = args.getInt("epochs", 1);
        int limit = args.getInt("limit", DEFAULT_LIMIT);
        if (epochs < 0) {
            throw new Args.UsageException("--epochs must be >= 0, got " + epochs);
        }
        if (limit < 64) {
            throw new Args.UsageException("--limit must be at least one batch (64), got " + limit);
        }
        Path example = args.has("example") ? Path.of(args.get("example", null)) : locateExample();
        if (!Files.isRegularFile(example.resolve("src/main/java/com/example/classic/FashionCnn.java"))) {
            throw new Args.UsageException("--example " + example + " has no src/main/java/com/example/classic/FashionCnn.java");
        }
        Path outDir = Path.of(args.get("out", "build/demo")).toAbsolutePath().normalize();
        if (Files.exists(outDir) && !args.has("force") && (!Files.isDirectory(outDir) || !isEmpty(outDir))) {
            throw new Args.UsageException("--out " + outDir + " exists and is not empty (--force replaces it)");
        }
        Path dataDir = Path.of(args.get("data", DEFAULT_DATA.toString()));
        Files.createDirectories(outDir.getParent());
        Path stage = Files.createTempDirectory(outDir.getParent(), "." + outDir.getFileName() + ".partial-");
        boolean published = false;
        try {
            Run run = new Run(out, err, example, stage, Path.of(args.get("out", "build/demo")), dataDir, epochs, limit);
            int rc = run.execute();
            if (rc == 0) {
                publish(stage, outDir);
                published = true;
                run.finish(outDir);
            }
            return rc;
        } finally {
            if (!published) {
                deleteTree(stage);
                err.println("ember demo: stopped; nothing written to " + outDir);
            }
        }
    }

    /**
     * {@code examples/tf-java-classic} of this Ember checkout: under {@code ember.home} (the launcher sets
     * it to the repository root), else the first one found walking up from the working directory.
     */
    static Path locateExample() {
        String home = System.getProperty("ember.home");
        if (home != null && Files.isDirectory(Path.of(home, EXAMPLE))) {
            return Path.of(home, EXAMPLE);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(EXAMPLE))) {
                return p.resolve(EXAMPLE);
            }
        }
        throw new Args.UsageException("cannot find " + EXAMPLE + " (run ./ember from the Ember checkout, or pass "
                + "--example DIR)");
    }

    /** One run of the six stages in {@code stage}; prints as it goes. */
    private static final class Run {
        private final PrintStream out;
        private final PrintStream err;
        private final Path example;
        private final Path stage;
        private final Path shownOut;
        private final Path dataDir;
        private final int epochs;
        private final int limit;
        private final long start = System.nanoTime();
        private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
        private final String classpath = System.getProperty("java.class.path");
        private int stageNo;

        private double tfAccuracy;
        private double before;
        private double after;
        private int testSize;
        private URLClassLoader migratedLoader;

        Run(PrintStream out, PrintStream err, Path example, Path stage, Path shownOut, Path dataDir, int epochs,
                int limit) {
            this.out = out;
            this.err = err;
            this.example = example;
            this.stage = stage;
            this.shownOut = shownOut;
            this.dataDir = dataDir;
            this.epochs = epochs;
            this.limit = limit;
        }

        int execute() throws Exception {
            boolean dataset = Files.isRegularFile(dataDir.resolve("train-images-idx3-ubyte.gz"))
                    && Files.isRegularFile(dataDir.resolve("t10k-images-idx3-ubyte.gz"));
            out.println("Ember demo: " + example + " (TF-Java graph/session CNN) -> eager engine code, proven on the "
                    + "real TF runtime");
            out.println(dataset
                    ? "Data: Fashion-MNIST from " + dataDir + " (first " + limit + " training images, test images up to "
                            + limit + ")"
                    : "Data: Fashion-MNIST not found in " + dataDir + "; using the example's small deterministic "
                            + "synthetic set (install dataset-fashion-mnist for the real data)");
            try {
                Path checkpoint = stage(1, "train the original on the real TF runtime", this::trainOriginal);
                Report report = stage(2, "migrate " + example.getFileName() + " (--level eager --emit-parity-tests)",
                        this::migrate);
                if (report == null) {
                    return 1;
                }
                stage(3, "compile the migrated program and its generated parity tests", this::compileMigrated);
                if (!stage(4, "run the generated parity tests (original on real TF vs migrated on the engine)",
                        this::parity)) {
                    return 1;
                }
                Module model = stage(5, "import the TF checkpoint into the migrated model's state_dict",
                        () -> importCheckpoint(checkpoint));
                if (model == null) {
                    return 1;
                }
                return stage(6, "accuracy before and after fine-tuning on the engine", () -> fineTune(model)) ? 0 : 1;
            } finally {
                if (migratedLoader != null) {
                    migratedLoader.close();
                }
            }
        }

        private <T> T stage(int n, String title, Callable<T> body) throws Exception {
            stageNo = n;
            out.printf("%n[%d/%d] %s%n", n, STAGES, title);
            long t0 = System.nanoTime();
            try {
                return body.call();
            } finally {
                double s = (System.nanoTime() - t0) / 1e9;
                stageSeconds.put(n + ". " + title, s);
                out.printf(Locale.ROOT, "      stage %d took %.1f s%n", n, s);
            }
        }

        // ---------------------------------------------------------------- 1. TF

        private Path trainOriginal() throws Exception {
            Path classes = stage.resolve("build/original-classes");
            int files = MigratedProject.compile(List.of(example.resolve("src/main/java")), classes, classpath);
            out.println("      compiled the original (" + files + " files) against TF-Java 1.1.0");
            Path prefix = stage.resolve("tf-checkpoint/model.ckpt");
            String printed;
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    DemoCommand.class.getClassLoader());
                 Ticker t = new Ticker(err, "training on TF")) {
                printed = runMain(loader, MigratedFashionCnn.PACKAGE + ".FashionCnn", "1", String.valueOf(limit),
                        prefix.toString(), dataDir.toString());
            }
            Matcher m = Pattern.compile("test accuracy: ([0-9.]+)").matcher(printed);
            if (!m.find()) {
                throw new IllegalStateException("the original program printed no 'test accuracy:' line:\n" + printed);
            }
            tfAccuracy = Double.parseDouble(m.group(1));
            if (!Files.isRegularFile(Path.of(prefix + ".index"))) {
                throw new IllegalStateException("the original program wrote no checkpoint at " + prefix);
            }
            out.println("      TF checkpoint (Session.save): " + relative(prefix));
            return prefix;
        }

        /** Runs {@code cls.main(args)} with its standard output shown indented and returned. */
        private String runMain(ClassLoader loader, String cls, String... args) throws Exception {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream old = System.out;
            PrintStream shown = out;
            LineTee tee = new LineTee(captured, shown, "      | ");
            System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
            try {
                Class.forName(cls, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                Throwable c = e.getCause();
                throw c instanceof Exception x ? x : new IllegalStateException(String.valueOf(c), c);
            } finally {
                System.out.flush();
                tee.finish();
                System.setOut(old);
            }
            return captured.toString(StandardCharsets.UTF_8);
        }

        // ---------------------------------------------------------------- 2. migrate

        private Report migrate() throws IOException {
            Path migrated = stage.resolve("migrated");
            MigrateOptions options = MigrateOptions.of(example, migrated).withLevel(Level.EAGER).withParityTests(true)
                    .withReport(stage.resolve("migration-report.md"));
            Report report;
            try (ProgressBar bar = ProgressBar.builder(javaFiles(example)).description("      migrate").output(err)
                    .build()) {
                report = new Migrator(options, null, p -> bar.step()).run();
            }
            out.println("      " + report.summaryLine());
            for (FileReport f : report.files()) {
                Map<String, Integer> rules = new LinkedHashMap<>();
                f.changes().forEach(c -> rules.merge(c.rule(), 1, Integer::sum));
                out.println("      " + f.path() + ": " + (f.rewritten() ? "rewritten" : "unchanged")
                        + (rules.isEmpty() ? "" : " " + rules) + (f.runSites() == 0 ? ""
                                : ", " + f.runSitesConverted() + " of " + f.runSites() + " run sites converted"));
                for (Finding x : f.findings()) {
                    out.println("        " + x.format(f.path()));
                }
            }
            Map<String, Object> t = report.totals();
            long todos = ((Number) t.get("todos")).longValue() + ((Number) t.get("errors")).longValue()
                    + ((Number) t.get("unsupported")).longValue();
            if (todos > 0 || !t.get("run_sites").equals(t.get("run_sites_converted"))) {
                err.println("ember demo: the eager migration left TODOs, errors or unconverted run sites (listed above); "
                        + "the demo needs the whole example converted");
                return null;
            }
            out.println("      migrated project: " + relative(migrated) + " (report: " + relative(
                    stage.resolve("migration-report.md")) + ")");
            return report;
        }

        // ---------------------------------------------------------------- 3. compile

        private Void compileMigrated() throws IOException {
            Path migrated = stage.resolve("migrated");
            Path classes = stage.resolve("build/classes");
            int files;
            try (Ticker t = new Ticker(err, "javac")) {
                files = MigratedProject.compile(List.of(migrated.resolve("src/main/java"),
                        migrated.resolve("src/test/java")), classes, classpath);
            }
            out.println("      javac: " + files + " files (the migrated program, the generated tests and the kept "
                    + "original) against engine, tfcompat, parity-tests and TF-Java -> " + relative(classes));
            migratedLoader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, DemoCommand.class.getClassLoader());
            return null;
        }

        // ---------------------------------------------------------------- 4. parity

        private boolean parity() {
            List<MigratedProject.TestOutcome> outcomes;
            try (Ticker t = new Ticker(err, "parity tests")) {
                outcomes = MigratedProject.runParityTests(migratedLoader, stage.resolve("migrated"));
            }
            if (outcomes.isEmpty()) {
                err.println("ember demo: the migration generated no parity tests");
                return false;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"tensor", "status", "shape TF -> engine", "max abs err", "max rel err", "tolerance"});
            ParityReport html = new ParityReport("ember demo: parity of the migrated " + example.getFileName());
            for (MigratedProject.TestOutcome o : outcomes) {
                rows.add(new String[] {o.name() + (o.passed() ? "" : "  FAILED: " + o.failure()), "", "", "", "", ""});
                for (ParityResult r : o.results()) {
                    html.add(r);
                    for (TensorComparison c : r.comparisons()) {
                        rows.add(new String[] {"  " + c.name() + (c.layout().isIdentity() ? "" : " (" + c.layout().name() + ")"),
                            c.passed() ? "PASS" : "FAIL " + c.status(),
                            Arrays.toString(c.tfShape()) + " -> " + Arrays.toString(c.engineShape()),
                            num(c.maxAbsError()), num(c.maxRelError()), c.tolerance().describe()});
                    }
                }
            }
            printTable(rows, out);
            Path report = stage.resolve("parity-report.html");
            html.writeHtml(report);
            html.writeMarkdown(stage.resolve("parity-report.md"));
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            long tensors = outcomes.stream().flatMap(o -> o.results().stream()).mapToLong(r -> r.comparisons().size())
                    .sum();
            out.printf("      %d of %d generated tests pass, %d tensors compared; report: %s%n",
                    outcomes.size() - failed, outcomes.size(), tensors, relative(report));
            if (failed > 0) {
                err.println("ember demo: " + failed + " generated parity test(s) failed (above)");
                return false;
            }
            return true;
        }

        // ---------------------------------------------------------------- 5. import

        private Module importCheckpoint(Path prefix) throws IOException {
            MigratedFashionCnn migrated = new MigratedFashionCnn(migratedLoader);
            Module model = migrated.newModel();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            model.stateDict().forEach((k, v) -> shapes.put(k, v.shape()));
            ImportResult result;
            List<String> notes = new ArrayList<>();
            try (TfCheckpoint ckpt = TfCheckpoint.open(prefix)) {
                result = CheckpointImporter.with(rulesFromModel(ckpt, shapes, notes)).importFrom(ckpt);
            }
            out.println("      name rules from the migrated model's state_dict: each TF variable 'a/b' -> 'a.b', its "
                    + "layout chosen by comparing shapes");
            notes.forEach(n -> out.println("      " + n));
            out.println();
            result.toMarkdown().lines().forEach(l -> out.println("      " + l));
            ImportResult.Match match = result.match(shapes);
            if (!match.isExact()) {
                err.println("ember demo: the checkpoint does not fit the migrated model: missing " + match.missing()
                        + ", unexpected " + match.unexpected() + ", mismatched " + match.mismatched());
                return null;
            }
            model.loadStateDict(result.stateDict(), true);
            Path file = stage.resolve("imported.safetensors");
            StateDicts.save(result.stateDict(), file);
            out.printf("      %d tensors loaded into %s (strict); saved as %s%n", result.stateDict().size(),
                    model.getClass().getSimpleName(), relative(file));
            return model;
        }

        /**
         * One rule per checkpoint variable the model has (dots for slashes): no change when the shapes are
         * equal, HWIO -> OIHW or a transpose when the model holds that permutation of TF's shape. A 2-D
         * kernel kept as TF's [in, out] needs no flatten fix either: the migrated forward flattens in TF's
         * NHWC order, as the note printed says.
         */
        private static NameRules rulesFromModel(TfCheckpoint ckpt, Map<String, long[]> model, List<String> notes) {
            List<NameRules.Rule> rules = new ArrayList<>();
            for (CheckpointEntry e : ckpt.entries()) {
                String engine = e.name().replace('/', '.');
                long[] want = model.get(engine);
                if (want == null) {
                    continue;
                }
                long[] tf = e.shape();
                Transform t = Transform.NONE;
                if (tf.length == 4 && Arrays.equals(want, new long[] {tf[3], tf[2], tf[0], tf[1]})
                        && !Arrays.equals(want, tf)) {
                    t = Transform.CONV2D;
                } else if (tf.length == 2 && Arrays.equals(want, new long[] {tf[1], tf[0]}) && !Arrays.equals(want, tf)) {
                    t = Transform.DENSE;
                } else if (tf.length == 2 && Arrays.equals(want, tf)) {
                    notes.add(e.name() + " " + Arrays.toString(tf) + " stays [in, out]: the migrated code multiplies "
                            + "flat.matmul(kernel) as TF does, on an input flattened in TF's NHWC order, so no "
                            + "transpose and no flatten fix");
                }
                rules.add(NameRules.map(Pattern.quote(e.name()), engine, t, "demo"));
            }
            return NameRules.bookkeeping().then(NameRules.of(rules.toArray(new NameRules.Rule[0])));
        }

        // ---------------------------------------------------------------- 6. accuracy + fine-tuning

        private boolean fineTune(Module model) throws IOException {
            MigratedFashionCnn migrated = new MigratedFashionCnn(migratedLoader);
            Object train = migrated.load(dataDir, true, limit);
            Object test = migrated.load(dataDir, false, limit);
            testSize = migrated.size(test);
            long t0 = System.nanoTime();
            try (Ticker t = new Ticker(err, "evaluating")) {
                before = migrated.accuracy(model, test);
            }
            double evalSeconds = (System.nanoTime() - t0) / 1e9;
            long tfCorrect = Math.round(tfAccuracy * testSize);
            long correct = Math.round(before * testSize);
            out.printf(Locale.ROOT, "      TF runtime, original program after training:  %.4f (%d of %d test images)%n",
                    tfAccuracy, tfCorrect, testSize);
            out.printf(Locale.ROOT, "      engine, migrated model + imported checkpoint: %.4f (%d of %d)  %s  [%.1f s]%n",
                    before, correct, testSize, correct == tfCorrect ? "= TF's accuracy"
                            : "differs from TF by " + Math.abs(correct - tfCorrect) + " image(s)", evalSeconds);
            long allowed = Math.max(1, testSize / 1000);
            if (Math.abs(correct - tfCorrect) > allowed) {
                err.printf("ember demo: the imported model's accuracy differs from TF's by %d images (more than %d, "
                        + "what float32 rounding in near-tied logits can explain)%n", Math.abs(correct - tfCorrect),
                        allowed);
                return false;
            }
            int batch = migrated.batchSize();
            float lr = migrated.learningRate();
            int steps = migrated.size(train) / batch;
            SGD optimizer = new SGD(model.parameters(), lr);
            out.printf(Locale.ROOT, "      fine-tuning: SGD(lr=%s), %d epoch(s) of %d steps of %d, as the migrated main "
                    + "trains%n", lr, epochs, steps, batch);
            for (int epoch = 0; epoch < epochs; epoch++) {
                long e0 = System.nanoTime();
                double sum = 0;
                try (ProgressBar bar = ProgressBar.builder(steps).description("      epoch " + (epoch + 1)).output(err)
                        .build()) {
                    for (int i = 0; i < steps; i++) {
                        optimizer.zeroGrad();
                        Tensor loss = migrated.loss(model, train, i * batch, (i + 1) * batch);
                        loss.backward();
                        optimizer.step();
                        double l = loss.item();
                        sum += l;
                        bar.setPostfix(String.format(Locale.ROOT, "loss=%.4f", l));
                        bar.step();
                    }
                }
                out.printf(Locale.ROOT, "      epoch %d: mean training loss %.4f  [%.1f s]%n", epoch + 1,
                        sum / Math.max(1, steps), (System.nanoTime() - e0) / 1e9);
            }
            t0 = System.nanoTime();
            try (Ticker t = new Ticker(err, "evaluating")) {
                after = migrated.accuracy(model, test);
            }
            out.printf(Locale.ROOT, "      engine, after fine-tuning %d epoch(s):         %.4f (%d of %d)  %+.4f  [%.1f s]%n",
                    epochs, after, Math.round(after * testSize), testSize, after - before,
                    (System.nanoTime() - t0) / 1e9);
            Path file = stage.resolve("finetuned.safetensors");
            StateDicts.save(model.stateDict(), file);
            out.println("      fine-tuned state_dict: " + relative(file));
            return true;
        }

        // ---------------------------------------------------------------- end

        void finish(Path outDir) {
            double total = (System.nanoTime() - start) / 1e9;
            out.printf("%nSummary%n");
            int w = stageSeconds.keySet().stream().mapToInt(String::length).max().orElse(10);
            stageSeconds.forEach((k, v) -> out.printf(Locale.ROOT, "  %-" + w + "s %6.1f s%n", k, v));
            out.printf(Locale.ROOT, "  %-" + w + "s %6.1f s%n", "total", total);
            out.printf(Locale.ROOT, "Accuracy on %d test images: TF %.4f; engine with TF's weights %.4f; after "
                    + "fine-tuning %.4f.%n", testSize, tfAccuracy, before, after);
            out.println("Output in " + outDir + ":");
            out.println("  migrated/                the migrated project (src/main/java: engine code; src/test/java: "
                    + "generated parity tests + the original kept as FashionCnnOriginal)");
            out.println("  migration-report.md/json every change and finding of the migration");
            out.println("  parity-report.html/md    the parity table with worst elements");
            out.println("  tf-checkpoint/           TF's checkpoint (Session.save)");
            out.println("  imported.safetensors     that checkpoint as the migrated model's state_dict");
            out.println("  finetuned.safetensors    the state_dict after fine-tuning on the engine");
            out.println("  build/                   compiled classes of the original and of the migrated project");
        }

        /** Where {@code p} (in the staging directory) will be once the run succeeds. */
        private String relative(Path p) {
            return shownOut.resolve(stage.relativize(p)).toString();
        }
    }

    // -------------------------------------------------------------------- helpers

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : v == 0 ? "0" : String.format(Locale.ROOT, "%.2e", v);
    }

    /** Left-aligned columns, two spaces apart, indented under the stage title. */
    private static void printTable(List<String[]> rows, PrintStream out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            if (r[1].isEmpty()) {
                continue;   // a test's title row spans the table
            }
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder("      ");
            if (r[1].isEmpty()) {
                s.append(r[0]);
            } else {
                for (int i = 0; i < cols; i++) {
                    s.append(i == cols - 1 ? r[i] : String.format("%-" + w[i] + "s  ", r[i]));
                }
            }
            out.println(s.toString().stripTrailing());
        }
    }

    private static long javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).count();
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Moves the finished {@code stage} to {@code outDir}, replacing what is there (checked by the caller). */
    private static void publish(Path stage, Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            deleteTree(outDir);
        }
        Files.move(stage, outDir, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Copies complete lines to {@code shown} with a prefix, and every byte to {@code captured}. */
    private static final class LineTee extends OutputStream {
        private final ByteArrayOutputStream captured;
        private final PrintStream shown;
        private final String prefix;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineTee(ByteArrayOutputStream captured, PrintStream shown, String prefix) {
            this.captured = captured;
            this.shown = shown;
            this.prefix = prefix;
        }

        @Override
        public synchronized void write(int b) {
            captured.write(b);
            if (b == '\n') {
                Ticker.clear();
                shown.println(prefix + line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        /** Shows a last line that has no newline. */
        synchronized void finish() {
            if (line.size() > 0) {
                write('\n');
            }
        }
    }

    /**
     * "label... 12 s" redrawn every second on a terminal while a stage without countable steps runs
     * (silent when not interactive or {@code CI=true}, like the progress bar); the line is cleared on close.
     */
    private static final class Ticker implements AutoCloseable {
        private static volatile Ticker active;
        private final PrintStream err;
        private final String label;
        private final Thread thread;
        private boolean drawn;

        Ticker(PrintStream err, String label) {
            this.err = err;
            this.label = label;
            boolean interactive = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
            long t0 = System.nanoTime();
            thread = new Thread(() -> {
                try {
                    while (interactive) {
                        Thread.sleep(1000);
                        synchronized (Ticker.class) {
                            err.printf("\r      %s... %d s ", label, (System.nanoTime() - t0) / 1_000_000_000L);
                            err.flush();
                            drawn = true;
                        }
                    }
                } catch (InterruptedException e) {
                    // closed
                }
            }, "ember-demo-ticker");
            thread.setDaemon(true);
            active = this;
            thread.start();
        }

        /** Clears the active ticker's line, so a line printed next starts at the left margin. */
        static void clear() {
            Ticker t = active;
            if (t != null) {
                synchronized (Ticker.class) {
                    if (t.drawn) {
                        t.err.print("\r" + " ".repeat(t.label.length() + 20) + "\r");
                        t.err.flush();
                        t.drawn = false;
                    }
                }
            }
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clear();
            active = null;
        }
    }
}
