package dev.ember.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs Python snippets under Debian's real PyTorch ({@code /usr/bin/python3 + python3-torch}). */
public final class RealTorch {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private RealTorch() {
    }

    /** Skips the calling test, with the reason, when torch is not installed; CI installs it. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(isAvailable(), "PyTorch not available: install Debian's python3-torch");
    }

    public static synchronized boolean isAvailable() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && run("import torch") != null;
            } catch (IllegalStateException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs {@code script} (from a temp file: no argument-length limit); returns its stdout. Throws with stderr when it fails. */
    public static String run(String script) {
        Path file = null;
        try {
            file = Files.createTempFile("ember-torch-", ".py");
            Files.writeString(file, script);
            Process p = new ProcessBuilder(PYTHON.toString(), file.toString()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("python failed: " + err);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
