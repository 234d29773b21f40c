package dev.ember.engine.io;

import dev.ember.engine.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes TensorBoard event files; mirrors {@code torch.utils.tensorboard.SummaryWriter}.
 * {@code tensorboard --logdir runs} shows what it writes.
 *
 * <pre>{@code
 * try (SummaryWriter w = new SummaryWriter(Path.of("runs/exp1"))) {
 *     w.addScalar("loss/train", loss, step);
 *     w.addHistogram("fc.weight", fc.weight(), step);
 * }
 * }</pre>
 *
 * <p>Each writer owns one file {@code events.out.tfevents.<secs>.<hostname>.<pid>.<n>} in its log
 * directory (created if missing): TFRecord-framed {@code Event} protobufs, the first one carrying
 * {@code file_version "brain.Event:2"}. {@link #addScalars} writes one sub-directory run per key,
 * as PyTorch does. Events are buffered; {@link #flush()} pushes them to the file and
 * {@link #close()} flushes and closes every file. Methods are thread-safe. I/O failures surface as
 * {@link UncheckedIOException} (training loops need not declare {@code IOException}).
 */
public final class SummaryWriter implements AutoCloseable {
    private final Path logDir;
    private final EventFileWriter writer;
    private final Map<String, EventFileWriter> scalarsWriters = new LinkedHashMap<>();
    private boolean closed;

    /** A writer for {@code logDir} (created with its parents if missing); mirrors {@code SummaryWriter(log_dir)}. */
    public SummaryWriter(Path logDir) {
        if (logDir == null) {
            throw new IllegalArgumentException("SummaryWriter: logDir is null");
        }
        this.logDir = logDir;
        try {
            this.writer = new EventFileWriter(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("SummaryWriter: cannot create an event file in " + logDir, e);
        }
    }

    /** A writer for {@code runs/<Mon DD_HH-MM-SS>_<hostname>}, PyTorch's default log directory. */
    public SummaryWriter() {
        this(defaultLogDir(LocalDateTime.now()));
    }

    static Path defaultLogDir(LocalDateTime now) {
        return Path.of("runs", now.format(DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ENGLISH)) + "_"
                + EventFileWriter.hostname());
    }

    /** The log directory; mirrors {@code SummaryWriter.log_dir}. */
    public Path logDir() {
        return logDir;
    }

    /** The event file this writer appends to (sub-runs of {@link #addScalars} have their own). */
    public Path file() {
        return writer.file();
    }

    /** Records a scalar; mirrors {@code add_scalar(tag, scalar_value, global_step)} (a float {@code simple_value}). */
    public synchronized void addScalar(String tag, double value, long step) {
        write(writer, step, scalarValue(checkTag("addScalar", tag), value));
    }

    /**
     * Records several scalars under one chart; mirrors {@code add_scalars(main_tag, tag_scalar_dict,
     * global_step)}: each key gets the run {@code <logDir>/<mainTag with '/' as '_'>_<key>}, where
     * the value is written with tag {@code mainTag}.
     */
    public synchronized void addScalars(String mainTag, Map<String, ? extends Number> values, long step) {
        checkTag("addScalars", mainTag);
        if (values == null) {
            throw new IllegalArgumentException("addScalars: values for '" + mainTag + "' is null");
        }
        checkOpen();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("addScalars: '" + mainTag + "' has a null key or value: " + e);
            }
            String run = mainTag.replace("/", "_") + "_" + e.getKey();
            EventFileWriter w = scalarsWriters.get(run);
            if (w == null) {
                try {
                    w = new EventFileWriter(logDir.resolve(run));
                } catch (IOException x) {
                    throw new UncheckedIOException("addScalars: cannot create run " + logDir.resolve(run), x);
                }
                scalarsWriters.put(run, w);
            }
            write(w, step, scalarValue(mainTag, e.getValue().doubleValue()));
        }
    }

    /**
     * Records a histogram of a tensor's values; mirrors {@code add_histogram(tag, values,
     * global_step)} with its default {@code bins="tensorflow"} (TF's exponential bucket edges).
     */
    public void addHistogram(String tag, Tensor values, long step) {
        if (values == null) {
            throw new IllegalArgumentException("addHistogram: values for '" + tag + "' is null");
        }
        addHistogram(tag, values.toDoubleArray(), step);
    }

    /** Records a histogram of {@code values}; as {@link #addHistogram(String, Tensor, long)}. */
    public synchronized void addHistogram(String tag, double[] values, long step) {
        checkTag("addHistogram", tag);
        if (values == null) {
            throw new IllegalArgumentException("addHistogram: values for '" + tag + "' is null");
        }
        write(writer, step, new ProtoWriter().string(1, tag).message(5, Histograms.encode(tag, values)));
    }

    /**
     * Records text (Markdown in TensorBoard's Text tab); mirrors {@code add_text(tag, text_string,
     * global_step)}: a string tensor summary with plugin {@code "text"}, tagged
     * {@code <tag>/text_summary} as PyTorch tags it.
     */
    public synchronized void addText(String tag, String text, long step) {
        checkTag("addText", tag);
        if (text == null) {
            throw new IllegalArgumentException("addText: text for '" + tag + "' is null");
        }
        ProtoWriter plugin = new ProtoWriter().string(1, "text"); // TextPluginData(version=0) is empty
        ProtoWriter metadata = new ProtoWriter().message(1, plugin);
        ProtoWriter shape = new ProtoWriter().message(2, new ProtoWriter().varint(1, 1));
        ProtoWriter tensor = new ProtoWriter().varint(1, 7 /* DT_STRING */).message(2, shape)
                .bytes(8, text.getBytes(StandardCharsets.UTF_8));
        write(writer, step, new ProtoWriter().string(1, tag + "/text_summary").message(8, tensor).message(9, metadata));
    }

    /** Pushes buffered events to the files; mirrors {@code flush()}. */
    public synchronized void flush() {
        checkOpen();
        try {
            writer.flush();
            for (EventFileWriter w : scalarsWriters.values()) {
                w.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SummaryWriter: flushing " + logDir + " failed", e);
        }
    }

    /** Flushes and closes every event file; mirrors {@code close()}. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (EventFileWriter w : allWriters()) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new UncheckedIOException("SummaryWriter: closing " + logDir + " failed", first);
        }
    }

    private Iterable<EventFileWriter> allWriters() {
        java.util.List<EventFileWriter> all = new java.util.ArrayList<>();
        all.add(writer);
        all.addAll(scalarsWriters.values());
        return all;
    }

    private static ProtoWriter scalarValue(String tag, double value) {
        return new ProtoWriter().string(1, tag).floatField(2, (float) value);
    }

    private void write(EventFileWriter w, long step, ProtoWriter value) {
        checkOpen();
        ProtoWriter event = new ProtoWriter().doubleField(1, EventFileWriter.wallTime());
        if (step != 0) {
            event.varint(2, step);
        }
        event.message(5, new ProtoWriter().message(1, value));
        try {
            w.write(event.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("SummaryWriter: writing to " + w.file() + " failed", e);
        }
    }

    private static String checkTag(String method, String tag) {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException(method + ": tag must be a non-empty string, got "
                    + (tag == null ? "null" : "\"\""));
        }
        return tag;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("SummaryWriter for " + logDir + " is closed");
        }
    }
}
