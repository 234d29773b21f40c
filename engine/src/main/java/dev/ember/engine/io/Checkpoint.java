package dev.ember.engine.io;

import dev.ember.engine.Ember;
import dev.ember.engine.Generator;
import dev.ember.engine.Tensor;
import dev.ember.engine.nn.Module;
import dev.ember.engine.optim.Optimizer;
import dev.ember.engine.optim.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A training checkpoint in one file: model, optimizer, LR scheduler, epoch, extra values and the
 * default generator's state. Mirrors the PyTorch idiom
 * <pre>{@code
 * torch.save({'model': model.state_dict(), 'optimizer': opt.state_dict(),
 *             'scheduler': sched.state_dict(), 'epoch': epoch, 'best_acc': acc}, path)
 * ckpt = torch.load(path, map_location='cpu')
 * model.load_state_dict(ckpt['model']); opt.load_state_dict(ckpt['optimizer']); ...
 * }</pre>
 * as
 * <pre>{@code
 * Checkpoint.save(path, model, opt, sched, epoch, Map.of("best_acc", acc));
 * Checkpoint.Loaded ck = Checkpoint.load(path, model, opt, sched, true);   // true: restore the RNG too
 * for (long epoch = ck.epoch() + 1; epoch < epochs; epoch++) { ... }
 * }</pre>
 *
 * <p><b>File.</b> A safetensors file ({@link StateDicts}' format, so
 * {@code safetensors.torch.load_file} opens it) with the tensors
 * <ul>
 * <li>{@code model.<key>}: the model's {@link Module#stateDict()};
 * <li>{@code optimizer.state.<i>.<name>}: optimizer state tensors ({@code optimizer.state.0.exp_avg});
 * <li>{@code scheduler.<path>} and {@code extra.<path>}: tensors among scheduler state or extra values;
 * </ul>
 * and, in {@code __metadata__}, the strings {@code format} ({@code "ember.checkpoint"}),
 * {@code format_version} ({@value #FORMAT_VERSION}), {@code epoch}, {@code model} (the model's
 * class), {@code extra}, {@code generator} ({@link Generator#getState()} of
 * {@link Ember#defaultGenerator()}, as a JSON list) and, when saved, {@code optimizer} and
 * {@code scheduler}: their state dicts as JSON, each tensor replaced by
 * {@code {"__tensor__": "<entry name>"}}. Non-finite numbers are written as Python's {@code json}
 * writes them ({@code Infinity}, {@code NaN}). Doubles are written in a form that reads back to the
 * same bits, so a resumed run continues bit for bit.
 *
 * <p><b>Devices.</b> Tensors are stored as plain little-endian bytes with no device recorded, so
 * a checkpoint saved by any build (CPU or CUDA) loads in any other: loaded tensors are created on
 * this build's device (what {@code map_location='cpu'} does on a CPU build) and copied into the
 * objects' own tensors.
 *
 * <p><b>Loading</b> checks the whole file first (format and version, every section, every tensor
 * reference, entries that belong to no section), then the fit with the given objects (model keys
 * and shapes, optimizer and scheduler types), and only then loads; a failure while loading the
 * optimizer or scheduler (e.g. a different number of parameter groups) rolls back what was
 * already loaded. So an error leaves the model, optimizer, scheduler and generator as they were.
 * Errors in the file are {@link SafetensorsException}s naming the file; a checkpoint that does
 * not fit the objects is an {@link IllegalArgumentException} saying what does not match.
 *
 * <p>Data loader positions are not saved: resume at an epoch boundary (a loader's next epoch
 * draws its order from the restored generator, so it is the epoch the uninterrupted run had).
 */
public final class Checkpoint {
    /** The version of the layout above that {@link #save} writes; {@link #load} reads it and older ones. */
    public static final int FORMAT_VERSION = 1;
    static final String FORMAT = "ember.checkpoint";
    /** The key of the JSON object that stands for a tensor entry. */
    static final String TENSOR_REF = "__tensor__";

    private Checkpoint() {
    }

    /**
     * What {@link #load} returns besides filling the objects: the saved epoch, the extra values
     * (integers as {@link Long}, other numbers as {@link Double}, lists as {@link List}, maps as
     * {@link Map}, tensors as {@link Tensor}; primitive arrays come back as lists) and the default
     * generator's saved state ({@link Generator#setState} takes it).
     */
    public record Loaded(long epoch, Map<String, Object> extra, long[] generatorState) {
    }

    /**
     * Writes a checkpoint atomically (temporary file, fsync, rename: an interrupted save leaves the
     * previous file intact). {@code optimizer}, {@code scheduler} and {@code extra} may be null;
     * a scheduler must drive the given optimizer. {@code extra} values are tensors, numbers,
     * booleans, strings, null, primitive arrays, lists and string-keyed maps of these.
     */
    public static void save(Path file, Module model, Optimizer optimizer, Scheduler scheduler, long epoch,
            Map<String, ?> extra) throws IOException {
        Objects.requireNonNull(file, "Checkpoint.save: file is null");
        if (model == null) {
            throw new IllegalArgumentException("Checkpoint.save: model is null (file " + file + ")");
        }
        checkPair("Checkpoint.save", optimizer, scheduler);
        LinkedHashMap<String, Tensor> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((k, t) -> tensors.put("model." + k, t));
        LinkedHashMap<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", Integer.toString(FORMAT_VERSION));
        meta.put("epoch", Long.toString(epoch));
        meta.put("model", model.getClass().getName());
        if (optimizer != null) {
            meta.put("optimizer", Json.write(externalize(optimizer.stateDict(), "optimizer", tensors)));
        }
        if (scheduler != null) {
            meta.put("scheduler", Json.write(externalize(scheduler.stateDict(), "scheduler", tensors)));
        }
        meta.put("extra", Json.write(externalize(extra == null ? Map.of() : extra, "extra", tensors)));
        meta.put("generator", Json.write(Ember.defaultGenerator().getState()));
        StateDicts.saveWithMetadata(tensors, meta, file);
    }

    /**
     * Loads a checkpoint into {@code model} (strictly: same keys and shapes) and, when not null,
     * {@code optimizer} and {@code scheduler}; leaves {@link Ember#defaultGenerator()} alone (as
     * {@code torch.load} does). Sections the file holds but no object is given for are skipped.
     */
    public static Loaded load(Path file, Module model, Optimizer optimizer, Scheduler scheduler) throws IOException {
        return load(file, model, optimizer, scheduler, false);
    }

    /**
     * {@link #load(Path, Module, Optimizer, Scheduler)}, also restoring the default generator's
     * state when {@code restoreGenerator} (like {@code torch.set_rng_state(ckpt['rng'])}), so that
     * shuffling, initialisation and random ops continue the saved run's stream.
     */
    public static Loaded load(Path file, Module model, Optimizer optimizer, Scheduler scheduler,
            boolean restoreGenerator) throws IOException {
        Objects.requireNonNull(file, "Checkpoint.load: file is null");
        if (model == null) {
            throw new IllegalArgumentException("Checkpoint.load: model is null (file " + file + ")");
        }
        checkPair("Checkpoint.load", optimizer, scheduler);
        String where = "checkpoint " + file;
        Parsed p = parse(StateDicts.read(file), where);
        checkModel(model, p.model, p.modelClass, where);
        Map<String, ?> opt = fits(optimizer == null ? null : optimizer.name(), "optimizer", p.optimizer, where);
        Map<String, ?> sched = fits(scheduler == null ? null : String.valueOf(scheduler.stateDict().get("type")),
                "scheduler", p.scheduler, where);
        apply(model, p.model, optimizer, opt, scheduler, sched, where);
        if (restoreGenerator) {
            Ember.defaultGenerator().setState(p.generator);
        }
        return new Loaded(p.epoch, p.extra, p.generator.clone());
    }

    // ---------------------------------------------------------------- saving

    /** A JSON-ready copy of {@code v} with every tensor moved into {@code tensors} as entry {@code path}. */
    private static Object externalize(Object v, String path, Map<String, Tensor> tensors) {
        if (v instanceof Tensor t) {
            if (tensors.containsKey(path)) {
                throw new IllegalArgumentException("Checkpoint.save: two tensors would be stored as '" + path
                        + "' (keys containing '.' collide with nested keys)");
            }
            tensors.put(path, t.detach());
            return Map.of(TENSOR_REF, path);
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals(TENSOR_REF)) {
                    throw new IllegalArgumentException("Checkpoint.save: " + path + " has the key \"" + TENSOR_REF
                            + "\", which the format reserves for tensor references");
                }
                out.put(key, externalize(e.getValue(), path + "." + key, tensors));
            }
            return out;
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) {
                out.add(externalize(o, path + "." + out.size(), tensors));
            }
            return out;
        }
        boolean leaf = v == null || v instanceof Boolean || v instanceof String || v instanceof Double
                || v instanceof Float || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || (v.getClass().isArray() && v.getClass().getComponentType().isPrimitive()
                        && v.getClass() != char[].class);
        if (!leaf) {
            throw new IllegalArgumentException("Checkpoint.save: " + path + " is a " + v.getClass().getName()
                    + "; values must be tensors, numbers, booleans, strings, null, primitive arrays, or lists and maps "
                    + "of these");
        }
        return v;
    }

    private static void checkPair(String what, Optimizer optimizer, Scheduler scheduler) {
        if (scheduler != null && scheduler.optimizer() != optimizer) {
            throw new IllegalArgumentException(what + ": the scheduler drives " + (optimizer == null
                    ? "an optimizer, but none was given" : "a different optimizer than the one given")
                    + " (its learning rates live in that optimizer's param groups)");
        }
    }

    // ---------------------------------------------------------------- loading: the file

    /** A checked, decoded checkpoint file with tensor references resolved; optimizer and scheduler null when not saved. */
    private record Parsed(long epoch, String modelClass, Map<String, Tensor> model, Object optimizer, Object scheduler,
            Map<String, Object> extra, long[] generator) {
    }

    private static Parsed parse(StateDicts.Contents contents, String where) throws SafetensorsException {
        Map<String, String> meta = contents.metadata();
        checkFormat(meta, where);
        long epoch = epoch(meta, where);
        Set<String> used = new HashSet<>();
        LinkedHashMap<String, Tensor> modelState = new LinkedHashMap<>();
        contents.tensors().forEach((k, t) -> {
            if (k.startsWith("model.")) {
                modelState.put(k.substring("model.".length()), t);
                used.add(k);
            }
        });
        Object optState = section(meta, "optimizer", false, contents.tensors(), used, where);
        Object schedState = section(meta, "scheduler", false, contents.tensors(), used, where);
        Object extra = section(meta, "extra", true, contents.tensors(), used, where);
        long[] generator = generatorState(meta, where);
        for (String k : contents.tensors().keySet()) {
            if (!used.contains(k)) {
                throw new SafetensorsException(where + ": entry '" + k + "' belongs to no section (model.*, or a "
                        + "tensor the optimizer, scheduler or extra metadata refers to)");
            }
        }
        if (!(extra instanceof Map<?, ?>)) {
            throw new SafetensorsException(where + ": __metadata__ \"extra\" must be a JSON object, got " + extra);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> extraMap = (Map<String, Object>) extra;
        return new Parsed(epoch, meta.get("model"), modelState, optState, schedState, extraMap, generator);
    }

    private static void checkFormat(Map<String, String> meta, String where) throws SafetensorsException {
        String format = meta.get("format");
        if (format == null) {
            throw new SafetensorsException(where + ": not an Ember checkpoint (its __metadata__ has no \"format\" "
                    + "entry); a plain state_dict file loads with StateDicts.load");
        }
        if (!format.equals(FORMAT)) {
            throw new SafetensorsException(where + ": format is \"" + format + "\", expected \"" + FORMAT + "\"");
        }
        String v = require(meta, "format_version", where);
        int version;
        try {
            version = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new SafetensorsException(where + ": format_version \"" + v + "\" is not an integer");
        }
        if (version < 1 || version > FORMAT_VERSION) {
            throw new SafetensorsException(where + ": format_version " + version + " is not readable by this engine "
                    + "(it reads versions 1 to " + FORMAT_VERSION + (version > FORMAT_VERSION
                            ? "; the file was written by a newer Ember)" : ")"));
        }
    }

    private static String require(Map<String, String> meta, String key, String where) throws SafetensorsException {
        String v = meta.get(key);
        if (v == null) {
            throw new SafetensorsException(where + ": __metadata__ has no \"" + key + "\" section (present: "
                    + meta.keySet() + ")");
        }
        return v;
    }

    private static long epoch(Map<String, String> meta, String where) throws SafetensorsException {
        String v = require(meta, "epoch", where);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new SafetensorsException(where + ": epoch \"" + v + "\" is not an integer");
        }
    }

    /** The parsed JSON of section {@code key} with tensor references resolved; null when absent and optional. */
    private static Object section(Map<String, String> meta, String key, boolean required, Map<String, Tensor> tensors,
            Set<String> used, String where) throws SafetensorsException {
        if (!meta.containsKey(key) && !required) {
            return null;
        }
        return internalize(json(meta, key, where), key, tensors, used, where);
    }

    private static Object json(Map<String, String> meta, String key, String where) throws SafetensorsException {
        String json = require(meta, key, where);
        try {
            return Json.parse(json, true);
        } catch (Json.JsonException e) {
            throw new SafetensorsException(where + ": __metadata__ \"" + key + "\" is not valid JSON (" + e.getMessage()
                    + ")", e);
        }
    }

    private static Object internalize(Object v, String path, Map<String, Tensor> tensors, Set<String> used,
            String where) throws SafetensorsException {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey(TENSOR_REF)) {
                Object name = m.get(TENSOR_REF);
                if (m.size() != 1 || !(name instanceof String) || !tensors.containsKey(name)) {
                    throw new SafetensorsException(where + ": " + path + " refers to tensor " + name + ", which the "
                            + "file does not hold" + (m.size() != 1 ? " (or is malformed: " + m + ")" : ""));
                }
                used.add((String) name);
                return tensors.get(name);
            }
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), internalize(e.getValue(), path + "." + e.getKey(), tensors, used, where));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(internalize(o, path + "." + out.size(), tensors, used, where));
            }
            return out;
        }
        return v;
    }

    private static long[] generatorState(Map<String, String> meta, String where) throws SafetensorsException {
        Object g = json(meta, "generator", where);
        if (g instanceof List<?> l && l.size() == 7 && l.stream().allMatch(o -> o instanceof Long)) {
            return l.stream().mapToLong(o -> (Long) o).toArray();
        }
        throw new SafetensorsException(where + ": __metadata__ \"generator\" must be a list of 7 integers "
                + "(Generator.getState()), got " + g);
    }

    // ---------------------------------------------------------------- loading: the objects

    /** Module.loadStateDict's strict check, without loading, so nothing changes before every part is known to fit. */
    private static void checkModel(Module model, Map<String, Tensor> saved, String savedClass, String where) {
        LinkedHashMap<String, Tensor> own = model.stateDict();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        own.forEach((k, t) -> {
            Tensor given = saved.get(k);
            if (given == null) {
                missing.add(k);
            } else if (!Arrays.equals(given.shape(), t.shape())) {
                mismatched.add(k + ": copying a param with shape " + Arrays.toString(given.shape())
                        + " from the state_dict, the shape in the current model is " + Arrays.toString(t.shape()));
            }
        });
        List<String> unexpected = saved.keySet().stream().filter(k -> !own.containsKey(k)).toList();
        Module.LoadResult r = new Module.LoadResult(missing, unexpected, mismatched);
        if (!r.isClean()) {
            String name = model.getClass().getSimpleName().isEmpty() ? "Module" : model.getClass().getSimpleName();
            String ownClass = model.getClass().getName();
            throw new IllegalArgumentException(where + " does not fit the model"
                    + (savedClass == null || ownClass.equals(savedClass) ? ""
                            : " (saved from a " + savedClass + ", loading into a " + ownClass + ")")
                    + ": Error(s) in loading state_dict for " + name + ":" + r.describe()
                    + "\nNothing was loaded (model, optimizer, scheduler and generator unchanged).");
        }
    }

    /** The saved state of {@code what} when an object of type {@code ownType} is given and the types match. */
    private static Map<String, ?> fits(String ownType, String what, Object saved, String where) {
        if (ownType == null) {
            return null;
        }
        if (saved == null) {
            throw new IllegalArgumentException(where + " holds no " + what + " state (it was saved without one); pass "
                    + "null as the " + what + " to load the rest. Nothing was loaded.");
        }
        if (!(saved instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + ": the " + what + " section is not a JSON object. Nothing was "
                    + "loaded.");
        }
        Object type = m.get("type");
        if (!ownType.equals(type)) {
            throw new IllegalArgumentException(where + " holds the state of " + what + " " + type + ", but the "
                    + what + " given is " + ownType + ". Nothing was loaded (model, optimizer, scheduler and "
                    + "generator unchanged).");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> state = (Map<String, ?>) m;
        return state;
    }

    /** Loads optimizer, scheduler, then model; a failure restores the optimizer and scheduler as they were. */
    private static void apply(Module model, Map<String, Tensor> modelState, Optimizer optimizer, Map<String, ?> opt,
            Scheduler scheduler, Map<String, ?> sched, String where) {
        Map<String, Object> optBefore = opt == null ? null : optimizer.stateDict();
        Map<String, Object> schedBefore = sched == null ? null : scheduler.stateDict();
        try {
            if (opt != null) {
                optimizer.loadStateDict(opt);
            }
            if (sched != null) {
                scheduler.loadStateDict(sched);
            }
            model.loadStateDict(modelState, true);
        } catch (RuntimeException e) {
            try {
                if (optBefore != null) {
                    optimizer.loadStateDict(optBefore);
                }
                if (schedBefore != null) {
                    scheduler.loadStateDict(schedBefore);
                }
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw new IllegalArgumentException(where + " does not fit: " + e.getMessage() + " Nothing was loaded (model, "
                    + "optimizer, scheduler and generator unchanged).", e);
        }
    }
}
