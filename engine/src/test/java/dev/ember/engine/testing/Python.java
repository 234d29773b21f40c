package dev.ember.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs test-resource scripts under Debian's {@code /usr/bin/python3} (real PyTorch / numpy). */
public final class Python {
    public static final String PYTHON = "/usr/bin/python3";

    private Python() {
    }

    /** {@code null} when {@code import <modules>} works, else why not (for Assumptions). */
    public static String unavailable(String modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " not found (install Debian's python3-torch)";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + modules).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "'import " + modules + "' failed under " + PYTHON + ": " + out.strip();
            }
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    /** Runs the resource {@code script} (next to {@code owner}) with {@code args}; its stdout, or an error with stderr. */
    public static String run(Class<?> owner, String script, String... args) throws Exception {
        Path file = Files.createTempFile("ember-py-", ".py");
        try (InputStream res = owner.getResourceAsStream(script)) {
            if (res == null) {
                throw new IllegalStateException("test resource " + script + " not found next to " + owner.getName());
            }
            Files.write(file, res.readAllBytes());
            List<String> cmd = new ArrayList<>(List.of(PYTHON, file.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread t = new Thread(() -> {
                try {
                    err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete(e.toString());
                }
            });
            t.start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                t.join();
                throw new AssertionError(script + " " + String.join(" ", args) + " failed: " + err.get());
            }
            t.join();
            return stdout;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
