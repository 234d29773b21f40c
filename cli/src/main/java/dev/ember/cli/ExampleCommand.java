package dev.ember.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code ember example NAME [args]}: runs one of the programs in {@code examples/}. */
final class ExampleCommand implements Command {
    /** Example name -> main class; each is a program written against the public API only. */
    private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("exercise1", new String[] {"Exercise1",
            "the classic first TF->PyTorch exercise: 6^5 and its gradients by autograd"});
        EXAMPLES.put("classic-lab", new String[] {"dev.ember.examples.ClassicLab",
            "a classic TF->PyTorch lab: linear, MLP (SGD momentum 0.99) and CNN (Adam) on CIFAR-shaped data"});
        EXAMPLES.put("fashion-mnist", new String[] {"dev.ember.examples.FashionMnistCnn",
            "a CNN on Fashion-MNIST: train/eval loops, TensorBoard logs, checkpoints, --resume"});
    }

    @Override
    public String name() {
        return "example";
    }

    @Override
    public String summary() {
        return "run a built-in example program (ember example --list)";
    }

    @Override
    public String usage() {
        StringBuilder sb = new StringBuilder("usage: ember example NAME [ARGS...]\n       ember example --list\n\nexamples:\n");
        EXAMPLES.forEach((k, v) -> sb.append(String.format("  %-14s %s%n", k, v[1])));
        return sb.append("\nARGS go to the example ('ember example NAME --help' shows its options).\n").toString();
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.has("list") || args.positionals().isEmpty()) {
            if (args.positionals().isEmpty() && !args.has("list")) {
                throw new Args.UsageException("missing example NAME");
            }
            EXAMPLES.forEach((k, v) -> out.printf("%-14s %s%n", k, v[1]));
            return 0;
        }
        String name = args.positionals().get(0);
        String[] entry = EXAMPLES.get(name);
        if (entry == null) {
            throw new Args.UsageException("unknown example '" + name + "'; known: " + String.join(", ", EXAMPLES.keySet()));
        }
        String[] rest = args.positionals().subList(1, args.positionals().size()).toArray(new String[0]);
        try {
            Class.forName(entry[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        return 0;
    }

    @Override
    public Set<String> switches() {
        return Set.of("list");
    }

    @Override
    public boolean passesArgsAfterFirstPositional() {
        return true;
    }
}
