package dev.ember.engine.util;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A console progress bar for long loops; the counterpart of Python's {@code tqdm}, which
 * PyTorch training scripts use:
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.of(loader.size(), "epoch 1")) {
 *     for (Tensor[] batch : loader) {
 *         ...
 *         bar.setPostfix(Map.of("loss", loss.item()));
 *         bar.step();
 *     }
 * }
 * }</pre>
 * draws {@code epoch 1:  45%|#############                 | 422/938 [00:03<00:04, 120.50it/s, loss=0.3412]}
 * in place with {@code \r}, at most every 100 ms. When the output is not an interactive terminal
 * ({@code System.console() == null}: redirected, piped, under a build tool) it prints the same text
 * as a plain line every 30 seconds instead (and a last line on close if it printed any), so a long
 * run in the background still shows progress while short loops stay silent; with {@code CI=true}
 * in the environment it prints nothing. A total of 0 or less means unknown: the bar shows the count
 * and rate only.
 */
public final class ProgressBar implements AutoCloseable {
    private final long total;
    private final String description;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final boolean interactive;
    private final int width;
    private final long minIntervalNanos;
    private final long logIntervalNanos;   // > 0: plain lines instead of a redrawn bar
    private final long start;
    private long lastLog;
    private boolean logged;
    private long n;
    private String postfix = "";
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;
    private boolean closed;

    private ProgressBar(Builder b) {
        this.total = b.total;
        this.description = b.description;
        this.out = b.out;
        this.nanoClock = b.nanoClock;
        this.interactive = b.interactive != null ? b.interactive : isInteractive(System.getenv("CI"));
        this.width = b.width;
        this.minIntervalNanos = b.minIntervalMillis * 1_000_000L;
        long logSeconds = b.logSeconds != null ? b.logSeconds
                : b.interactive == null && logsLines(System.console() != null, System.getenv("CI")) ? 30 : 0;
        this.logIntervalNanos = interactive ? 0 : logSeconds * 1_000_000_000L;
        this.start = nanoClock.getAsLong();
        this.lastLog = start;
    }

    /** A bar over {@code total} steps on {@code System.err}, as tqdm draws; {@code description} may be empty. */
    public static ProgressBar of(long total, String description) {
        return builder(total).description(description).build();
    }

    /** Options: description, output stream, clock, terminal detection, bar width, redraw interval. */
    public static Builder builder(long total) {
        return new Builder(total);
    }

    /** {@code true} when drawing makes sense: a console is attached and {@code ciEnv} is not "true". */
    static boolean isInteractive(String ciEnv) {
        return System.console() != null && !"true".equalsIgnoreCase(ciEnv);
    }

    /** {@code true} when a detected bar logs plain lines: no console attached and {@code ciEnv} is not "true". */
    static boolean logsLines(boolean console, String ciEnv) {
        return !console && !"true".equalsIgnoreCase(ciEnv);
    }

    /** Advances by one step. */
    public void step() {
        update(1);
    }

    /** Advances by {@code steps}; mirrors {@code tqdm.update(n)}. */
    public synchronized void update(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("ProgressBar.update: steps must be >= 0, got " + steps);
        }
        n += steps;
        draw(false);
    }

    /** Text after the rate, e.g. {@code loss=0.123}; mirrors {@code tqdm.set_postfix_str}. */
    public synchronized void setPostfix(String text) {
        postfix = text == null ? "" : text;
        draw(false);
    }

    /**
     * {@code key=value} pairs after the rate, in the map's order, numbers with 4 significant
     * digits; mirrors {@code tqdm.set_postfix(**kwargs)}.
     */
    public synchronized void setPostfix(Map<String, ?> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            Object v = e.getValue();
            String s = v instanceof Double || v instanceof Float
                    ? String.format(Locale.ROOT, "%.4g", ((Number) v).doubleValue()) : String.valueOf(v);
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(s);
        }
        setPostfix(sb.toString());
    }

    /** Steps done so far; mirrors {@code tqdm.n}. */
    public synchronized long current() {
        return n;
    }

    /** The line as it would be drawn now (without {@code \r}). */
    public synchronized String render() {
        double elapsed = (nanoClock.getAsLong() - start) / 1e9;
        double rate = elapsed > 0 ? n / elapsed : Double.NaN;
        StringBuilder sb = new StringBuilder();
        if (!description.isEmpty()) {
            sb.append(description).append(": ");
        }
        if (total > 0) {
            double frac = Math.min(1.0, (double) n / total);
            int filled = (int) (frac * width);
            sb.append(String.format(Locale.ROOT, "%3d%%|", (int) (frac * 100)));
            sb.append("#".repeat(filled)).append(" ".repeat(width - filled)).append("| ");
            sb.append(n).append('/').append(total).append(" [").append(clock(elapsed)).append('<');
            sb.append(rate > 0 && n <= total ? clock((total - n) / rate) : "?");
        } else {
            sb.append(n).append("it [").append(clock(elapsed));
        }
        sb.append(", ").append(rate(rate));
        if (!postfix.isEmpty()) {
            sb.append(", ").append(postfix);
        }
        return sb.append(']').toString();
    }

    /** Draws the final state and ends the line (when interactive); mirrors {@code tqdm.close()}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        draw(true);
        closed = true;
        if (interactive) {
            out.println();
            out.flush();
        }
    }

    private void draw(boolean force) {
        if (closed) {
            return;
        }
        if (!interactive) {
            log(force);
            return;
        }
        long now = nanoClock.getAsLong();
        boolean done = total > 0 && n >= total;
        if (!force && !done && lastDraw != Long.MIN_VALUE && now - lastDraw < minIntervalNanos) {
            return;
        }
        lastDraw = now;
        String line = render();
        int pad = Math.max(0, lastLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLength = line.length();
    }

    private void log(boolean closing) {
        if (logIntervalNanos <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (now - lastLog >= logIntervalNanos || (closing && logged)) {
            out.println(render());
            out.flush();
            lastLog = now;
            logged = true;
        }
    }

    /** {@code mm:ss}, or {@code h:mm:ss} from an hour on. */
    static String clock(double seconds) {
        long s = (long) seconds;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    private static String rate(double itPerSec) {
        if (!(itPerSec > 0) || Double.isInfinite(itPerSec)) {
            return "?it/s";
        }
        return itPerSec >= 1 ? String.format(Locale.ROOT, "%.2fit/s", itPerSec)
                : String.format(Locale.ROOT, "%.2fs/it", 1 / itPerSec);
    }

    /** Options of a {@link ProgressBar}, after tqdm's keyword arguments ({@code desc}, {@code file}, {@code ncols}, {@code mininterval}). */
    public static final class Builder {
        private final long total;
        private String description = "";
        private PrintStream out = System.err;
        private LongSupplier nanoClock = System::nanoTime;
        private Boolean interactive;
        private int width = 30;
        private long minIntervalMillis = 100;
        private Long logSeconds;

        private Builder(long total) {
            this.total = total;
        }

        /** Text before the bar (tqdm's {@code desc}). */
        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /** Where to draw (default {@code System.err}, as tqdm). */
        public Builder output(PrintStream out) {
            if (out == null) {
                throw new IllegalArgumentException("ProgressBar: output is null");
            }
            this.out = out;
            return this;
        }

        /** The clock in nanoseconds (default {@code System::nanoTime}); for tests. */
        public Builder clock(LongSupplier nanoClock) {
            if (nanoClock == null) {
                throw new IllegalArgumentException("ProgressBar: clock is null");
            }
            this.nanoClock = nanoClock;
            return this;
        }

        /** Forces drawing on or off instead of detecting a terminal and {@code CI=true}. */
        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /**
         * Off a terminal, prints the line every {@code seconds} (0: never); default 30 when no console is
         * attached and {@code CI} is not "true", else 0. Ignored when drawing interactively.
         */
        public Builder logEverySeconds(long seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("ProgressBar: logEverySeconds must be >= 0, got " + seconds);
            }
            this.logSeconds = seconds;
            return this;
        }

        /** Characters in the bar (default 30). */
        public Builder width(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("ProgressBar: width must be >= 1, got " + width);
            }
            this.width = width;
            return this;
        }

        /** The least time between redraws (default 100 ms, as tqdm's {@code mininterval}). */
        public Builder minIntervalMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("ProgressBar: minIntervalMillis must be >= 0, got " + millis);
            }
            this.minIntervalMillis = millis;
            return this;
        }

        /** The bar (its clock starts now). */
        public ProgressBar build() {
            return new ProgressBar(this);
        }
    }
}
