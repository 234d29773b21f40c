package dev.ember.cli;

import dev.ember.engine.NoGrad;
import dev.ember.engine.io.StateDicts;
import dev.ember.engine.nn.Module;
import dev.ember.parity.EngineSide;
import dev.ember.parity.Parity;
import dev.ember.parity.ParityReport;
import dev.ember.parity.ParityResult;
import dev.ember.parity.TfSavedModelSide;
import dev.ember.parity.TfSide;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ember parity SPEC.json}: one TF side and one engine side on the same inputs, compared. */
final class ParityCommand implements Command {

    @Override
    public String name() {
        return "parity";
    }

    @Override
    public String summary() {
        return "run a TF side and an engine side on the same inputs and compare named outputs";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: ember parity SPEC.json [--report FILE.html] [--classpath PATHS]",
                "",
                "SPEC.json names the TF side (a SavedModel + signature, or a class with a static",
                "Map<String, org.tensorflow.Tensor> method(Map<String, org.tensorflow.Tensor>)), the engine side (a",
                "class with a static Map<String, Tensor> method(Map<String, Tensor>), or a Module class + a",
                "safetensors state_dict), the inputs (dtype, shape, distribution, layout; or a safetensors file),",
                "output layouts and tolerances. See dev.ember.cli.ParitySpec for the format.",
                "",
                "Prints the comparison table and writes the HTML report (--report, or the spec's \"report\").",
                "Exit codes: 0 every tensor within tolerance, 1 a mismatch, 2 usage error.",
                "");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("report", "classpath");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        if (args.positionals().size() != 1) {
            throw new Args.UsageException("expected exactly one SPEC.json argument, got " + args.positionals());
        }
        ParitySpec spec = ParitySpec.load(Path.of(args.positionals().get(0)));
        List<Path> cp = new ArrayList<>(spec.classpath);
        if (args.get("classpath", null) != null) {
            for (String p : args.get("classpath", null).split(java.io.File.pathSeparator)) {
                cp.add(Path.of(p));
            }
        }
        ClassLoader loader = loader(cp);
        Parity.Builder b = Parity.named(spec.name).seed(spec.seed);
        spec.inputs.forEach(b::input);
        spec.layouts.forEach(b::layout);
        if (spec.tolerance != null) {
            b.tolerance(ParitySpec.number(spec.tolerance, "atol").doubleValue(),
                    ParitySpec.number(spec.tolerance, "rtol").doubleValue(),
                    ParitySpec.string(spec.tolerance, "reason", null));
        }
        AutoCloseable tfResource = null;
        try {
            TfSide tf;
            if (spec.tf.containsKey("savedModel")) {
                Path dir = spec.resolve(ParitySpec.string(spec.tf, "savedModel", null));
                if (!Files.isDirectory(dir)) {
                    throw new Args.UsageException("tf.savedModel: directory not found: " + dir);
                }
                @SuppressWarnings("unchecked")
                List<Object> tags = (List<Object>) spec.tf.getOrDefault("tags", List.of("serve"));
                TfSavedModelSide side = TfSavedModelSide.load(dir, ParitySpec.string(spec.tf, "signature",
                        "serving_default"), tags.stream().map(String::valueOf).toArray(String[]::new));
                tfResource = side;
                tf = side;
            } else {
                Method m = staticMethod(loader, spec.tf, "tf");
                tf = inputs -> invoke(m, inputs);
            }
            b.tf(tf).engine(engineSide(loader, spec));
            ParityResult result = b.run();
            out.println(result.describe());
            Path report = args.get("report", null) != null ? Path.of(args.get("report", null)) : spec.report;
            if (report != null) {
                ParityReport r = new ParityReport("ember parity: " + spec.name).add(result);
                r.writeHtml(report);
                out.println("report: " + report);
            }
            return result.passed() ? 0 : 1;
        } finally {
            if (tfResource != null) {
                tfResource.close();
            }
        }
    }

    private static EngineSide engineSide(ClassLoader loader, ParitySpec spec) throws Exception {
        if (!spec.engine.containsKey("module")) {
            Method m = staticMethod(loader, spec.engine, "engine");
            return EngineSide.of(inputs -> invoke(m, inputs));
        }
        String cls = ParitySpec.string(spec.engine, "module", null);
        Module module = (Module) instantiate(loader, cls, "engine.module");
        if (spec.engine.containsKey("stateDict")) {
            Path sd = spec.resolve(ParitySpec.string(spec.engine, "stateDict", null));
            module.loadStateDict(StateDicts.load(sd), true);
        }
        module.eval();
        String in = ParitySpec.string(spec.engine, "input", "x");
        String outName = ParitySpec.string(spec.engine, "output", "y");
        return EngineSide.of(inputs -> {
            try (NoGrad ignored = NoGrad.enter()) {
                return Map.of(outName, module.forward(inputs.get(in)));
            }
        });
    }

    private static Object instantiate(ClassLoader loader, String cls, String where) throws Exception {
        Class<?> c = load(loader, cls, where);
        if (!Module.class.isAssignableFrom(c)) {
            throw new Args.UsageException(where + ": " + cls + " is not a dev.ember.engine.nn.Module");
        }
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new Args.UsageException(where + ": " + cls + " needs a public no-argument constructor");
        }
    }

    private static Method staticMethod(ClassLoader loader, Map<String, Object> side, String where) {
        String cls = ParitySpec.string(side, "class", null);
        String name = ParitySpec.string(side, "method", null);
        Class<?> c = load(loader, cls, where + ".class");
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && Map.class.isAssignableFrom(m.getParameterTypes()[0]) && Map.class.isAssignableFrom(m.getReturnType())) {
                return m;
            }
        }
        throw new Args.UsageException(where + ": " + cls + " has no public static Map " + name + "(Map)");
    }

    private static Class<?> load(ClassLoader loader, String cls, String where) {
        try {
            return Class.forName(cls, true, loader);
        } catch (ClassNotFoundException e) {
            throw new Args.UsageException(where + ": class " + cls + " not found (add it with \"classpath\" or --classpath)");
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> invoke(Method m, Map<?, ?> arg) {
        try {
            return (Map<K, V>) m.invoke(null, arg);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClassLoader loader(List<Path> cp) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path p : cp) {
            if (!Files.exists(p)) {
                throw new Args.UsageException("classpath entry not found: " + p);
            }
            urls.add(p.toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ParityCommand.class.getClassLoader());
    }
}
