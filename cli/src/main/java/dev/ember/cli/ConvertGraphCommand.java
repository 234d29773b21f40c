package dev.ember.cli;

import dev.ember.migrate.graph.ConvertException;
import dev.ember.migrate.graph.ConvertGraph;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code ember convert-graph}: a SavedModel directory or a GraphDef file to a readable engine
 * {@code Module} source, its weights as safetensors and a generated parity test
 * ({@link ConvertGraph}).
 */
final class ConvertGraphCommand implements Command {

    @Override
    public String name() {
        return "convert-graph";
    }

    @Override
    public String summary() {
        return "SavedModel or graph.pb -> engine Module source + safetensors weights + parity test";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: ember convert-graph SAVED_MODEL_DIR|GRAPH.pb --out DIR [options]",
                "",
                "Writes DIR/src/main/java/<package>/<Class>.java (one field per layer or variable, a forward in eager",
                "ops; inputs and outputs keep the graph's layout, convolutions run in NCHW inside), DIR/<Class>.safetensors",
                "(the weights, layouts converted), DIR/src/test/java/<package>/<Class>ParityTest.java (the original on",
                "the real TF runtime vs the module on the engine) and DIR/convert-report.md.",
                "",
                "options:",
                "  --out DIR           output directory (must be empty or absent unless --force)",
                "  --class NAME        the generated class (default ConvertedModel)",
                "  --package NAME      its package (default: none)",
                "  --signature KEY     SavedModel signature (default serving_default, or the only one)",
                "  --outputs A,B       GraphDef file: the nodes (or node:index tensors) to return (default: every",
                "                      node nothing consumes)",
                "  --force             replace a non-empty --out",
                "",
                "Unsupported ops fail the conversion, listing every op type with its nodes; nothing is written then.",
                "Exit codes: 0 written, 1 conversion failed, 2 usage error.",
                "");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out", "class", "package", "signature", "outputs");
    }

    @Override
    public Set<String> switches() {
        return Set.of("force");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        if (args.positionals().size() != 1) {
            throw new Args.UsageException("expected exactly one SAVED_MODEL_DIR or GRAPH.pb argument, got "
                    + args.positionals());
        }
        String outDir = args.get("out", null);
        if (outDir == null) {
            throw new Args.UsageException("missing --out DIR");
        }
        String outputs = args.get("outputs", null);
        List<String> outs = outputs == null ? null : Arrays.stream(outputs.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        ConvertGraph.Options o = new ConvertGraph.Options(Path.of(args.positionals().get(0)), Path.of(outDir),
                args.get("class", "ConvertedModel"), args.get("package", ""), args.get("signature", null), outs,
                args.has("force"));
        try {
            ConvertGraph.Result r = ConvertGraph.run(o);
            r.notes().forEach(n -> out.println("  " + n));
            out.printf("Wrote %s (%d fields), %s (%d tensors), %s and %s.%n", r.module(), r.fields(), r.weights(),
                    r.tensors(), r.parityTest(), r.report());
            return 0;
        } catch (ConvertException e) {
            err.println("ember convert-graph: " + e.getMessage());
            err.println("nothing was written to " + outDir);
            return 1;
        }
    }
}
