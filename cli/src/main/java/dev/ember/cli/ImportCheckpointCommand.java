package dev.ember.cli;

import dev.ember.engine.Tensor;
import dev.ember.engine.io.StateDicts;
import dev.ember.engine.nn.Module;
import dev.ember.tfcompat.checkpoint.CheckpointImporter;
import dev.ember.tfcompat.checkpoint.ImportResult;
import dev.ember.tfcompat.checkpoint.NameRules;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ember import-checkpoint}: a TF checkpoint (prefix, directory with a {@code checkpoint}
 * file, or SavedModel directory) to a safetensors state_dict, with the name and layout mapping of
 * {@code tfcompat.checkpoint}; optionally checked against a target engine {@link Module}.
 */
final class ImportCheckpointCommand implements Command {

    @Override
    public String name() {
        return "import-checkpoint";
    }

    @Override
    public String summary() {
        return "TF checkpoint or SavedModel variables -> safetensors state_dict (names + layouts mapped)";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: ember import-checkpoint CHECKPOINT --out FILE.safetensors [options]",
                "",
                "CHECKPOINT is a checkpoint prefix (model.ckpt-100), a directory holding a 'checkpoint' state file,",
                "or a SavedModel directory (its variables/variables bundle is read).",
                "",
                "options:",
                "  --out FILE          where to write the state_dict (safetensors; written atomically)",
                "  --preset NAME       name rules: standard (Keras object-graph keys + TF1 layer names, default),",
                "                      tf1, keras, tf-java (variable names kept, shapes unchanged)",
                "  --rules FILE        your own rules, one 'regex -> template [transform]' per line, tried first",
                "  --flatten-fix L:H,W,C  reorder the inputs of Dense layer L that follows an NHWC Flatten of HxWxC",
                "  --model CLASS       an engine Module class (public no-argument constructor) to check names and",
                "                      shapes against; any missing, unexpected or mismatched key fails the import",
                "  --classpath PATHS   jars/directories holding --model's class (':'-separated)",
                "  --report FILE       also write the report as Markdown",
                "  --strict            fail when any checkpoint key is unmapped or not importable",
                "",
                "Nothing is written when the import fails. Exit codes: 0 written, 1 import failed, 2 usage error.",
                "");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "preset", "rules", "flatten-fix", "model", "classpath", "report");
    }

    @Override
    public Set<String> switches() {
        return Set.of("strict");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.positionals().size() != 1) {
            throw new Args.UsageException("expected exactly one CHECKPOINT argument, got " + args.positionals());
        }
        String outFile = args.get("out", null);
        if (outFile == null) {
            throw new Args.UsageException("missing --out FILE.safetensors");
        }
        Path source = Path.of(args.positionals().get(0));
        CheckpointImporter importer = CheckpointImporter.with(rules(args));
        String fix = args.get("flatten-fix", null);
        if (fix != null) {
            long[] hwc = parseFlattenFix(fix);
            importer = importer.flattenFix(fix.substring(0, fix.lastIndexOf(':')), hwc[0], hwc[1], hwc[2]);
        }
        ImportResult result = importer.importFrom(source);
        List<String> failures = new ArrayList<>();
        String model = args.get("model", null);
        if (model != null) {
            ImportResult.Match m = result.match(shapesOf(loadModel(model, args.get("classpath", null))));
            m.missing().forEach(k -> failures.add("missing in the checkpoint (the model has it): " + k));
            m.unexpected().forEach(k -> failures.add("not in the model: " + k));
            m.mismatched().forEach(k -> failures.add("shape mismatch: " + k));
        }
        if (args.has("strict")) {
            result.unmapped().forEach(k -> failures.add("unmapped (no rule matched): " + k));
            result.problems().forEach(p -> failures.add("not importable: " + p.tfName() + " (" + p.reason() + ")"));
        }
        String report = result.toMarkdown();
        out.print(report);
        if (args.get("report", null) != null) {
            Files.writeString(Path.of(args.get("report", null)), "# Checkpoint import: " + source + "\n\n" + report
                    + (failures.isEmpty() ? "" : "\nFailures:\n\n- " + String.join("\n- ", failures) + "\n"));
        }
        if (!failures.isEmpty()) {
            err.println("\nember import-checkpoint: import failed, nothing written to " + outFile + ":");
            failures.forEach(f -> err.println("  " + f));
            return 1;
        }
        StateDicts.save(result.stateDict(), Path.of(outFile));
        out.printf("%nWrote %d tensors to %s (%d skipped, %d unmapped, %d not importable).%n",
                result.stateDict().size(), outFile, result.skipped().size(), result.unmapped().size(),
                result.problems().size());
        if (!result.isComplete()) {
            err.println("warning: some checkpoint keys were not imported (listed above); --strict makes this an error");
        }
        return 0;
    }

    private static NameRules rules(Args args) throws IOException {
        String preset = args.get("preset", "standard");
        NameRules base;
        switch (preset) {
            case "standard": base = NameRules.standard(); break;
            case "tf1": base = NameRules.bookkeeping().then(NameRules.tf1()); break;
            case "keras": base = NameRules.keras(); break;
            case "tf-java": base = NameRules.tfJava(); break;
            default: throw new Args.UsageException("unknown --preset '" + preset
                    + "'; expected standard, tf1, keras or tf-java");
        }
        String file = args.get("rules", null);
        if (file == null) {
            return base;
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new Args.UsageException("--rules file not found: " + file);
        }
        return NameRules.load(p).then(base);
    }

    static long[] parseFlattenFix(String spec) {
        int colon = spec.lastIndexOf(':');
        String[] parts = colon < 0 ? new String[0] : spec.substring(colon + 1).split(",");
        if (colon <= 0 || parts.length != 3) {
            throw new Args.UsageException("--flatten-fix expects LAYER:H,W,C (e.g. dense:7,7,64), got '" + spec + "'");
        }
        long[] v = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new Args.UsageException("--flatten-fix: '" + parts[i] + "' in '" + spec + "' is not a number");
            }
            if (v[i] <= 0) {
                throw new Args.UsageException("--flatten-fix: sizes must be > 0, got '" + spec + "'");
            }
        }
        return v;
    }

    private static Module loadModel(String className, String classpath) throws Exception {
        ClassLoader loader = ImportCheckpointCommand.class.getClassLoader();
        if (classpath != null) {
            List<URL> urls = new ArrayList<>();
            for (String part : classpath.split(java.io.File.pathSeparator)) {
                Path p = Path.of(part);
                if (!Files.exists(p)) {
                    throw new Args.UsageException("--classpath entry not found: " + part);
                }
                urls.add(p.toUri().toURL());
            }
            loader = new URLClassLoader(urls.toArray(new URL[0]), loader);
        }
        Class<?> c;
        try {
            c = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new Args.UsageException("--model class " + className + " not found"
                    + (classpath == null ? " (add its jar or directory with --classpath)" : " on " + classpath));
        }
        if (!Module.class.isAssignableFrom(c)) {
            throw new Args.UsageException("--model " + className + " is not a dev.ember.engine.nn.Module");
        }
        try {
            return (Module) c.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new Args.UsageException("--model " + className + " needs a public no-argument constructor");
        }
    }

    private static Map<String, long[]> shapesOf(Module m) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
            shapes.put(e.getKey(), e.getValue().shape());
        }
        return shapes;
    }
}
