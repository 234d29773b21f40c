package dev.ember.tfcompat.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * File naming of tensor bundles ({@code tensor_bundle/naming.cc}) and how a user-given path becomes a
 * checkpoint prefix: a prefix, a directory with a {@code checkpoint} state file, a SavedModel
 * directory, or the {@code .index} / {@code .data-*} file itself.
 */
final class CheckpointPaths {

    private static final Pattern DATA_SUFFIX = Pattern.compile("(.*)\\.data-\\d{5}-of-\\d{5}");
    private static final Pattern STATE_LINE =
            Pattern.compile("^\\s*model_checkpoint_path\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    private CheckpointPaths() {
    }

    static Path index(Path prefix) {
        return sibling(prefix, ".index");
    }

    static Path data(Path prefix, int shard, int numShards) {
        return sibling(prefix, String.format(".data-%05d-of-%05d", shard, numShards));
    }

    private static Path sibling(Path prefix, String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }

    /** The prefix {@code path} names; errors say what was found instead. */
    static Path resolve(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            return fromDirectory(p);
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.endsWith(".index") && Files.isRegularFile(p)) {
            return p.resolveSibling(name.substring(0, name.length() - ".index".length()));
        }
        Matcher data = DATA_SUFFIX.matcher(name);
        if (data.matches() && Files.exists(index(p.resolveSibling(data.group(1))))) {
            return p.resolveSibling(data.group(1));
        }
        if (Files.isRegularFile(index(p))) {
            return p;
        }
        if (Files.isRegularFile(p)) {
            throw new CheckpointException(notV2(p), p, null);
        }
        throw new CheckpointException("no checkpoint at prefix " + p + ": " + index(p) + " does not exist"
                + similar(p), index(p), null);
    }

    private static Path fromDirectory(Path dir) {
        Path savedModel = dir.resolve("variables").resolve("variables");
        if (Files.isRegularFile(index(savedModel))) {
            return savedModel;
        }
        Path state = dir.resolve("checkpoint");
        if (Files.isRegularFile(state)) {
            String latest = latestFromState(state);
            Path prefix = dir.resolve(latest).normalize();
            if (!Files.isRegularFile(index(prefix))) {
                throw new CheckpointException(state + " names checkpoint '" + latest + "', but " + index(prefix)
                        + " does not exist", index(prefix), null);
            }
            return prefix;
        }
        if (Files.isRegularFile(dir.resolve("saved_model.pb")) || Files.isDirectory(dir.resolve("variables"))) {
            throw new CheckpointException("SavedModel directory " + dir + " has no variables/variables.index "
                    + "(a model without variables?)", index(savedModel), null);
        }
        throw new CheckpointException(dir + " is a directory without a 'checkpoint' state file or a SavedModel "
                + "'variables/variables.index'; pass a checkpoint prefix such as " + dir.resolve("ckpt-1")
                + similar(dir.resolve("x")), dir, null);
    }

    /** {@code model_checkpoint_path} of a CheckpointState text proto. */
    static String latestFromState(Path state) {
        List<String> lines;
        try {
            lines = Files.readAllLines(state, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint state file " + state + ": " + e.getMessage(),
                    state, null, e);
        }
        for (String line : lines) {
            Matcher m = STATE_LINE.matcher(line);
            if (m.matches()) {
                String value = unescape(m.group(1));
                if (value.isEmpty()) {
                    break;
                }
                return value;
            }
        }
        throw new CheckpointException("checkpoint state file " + state
                + " has no model_checkpoint_path: \"...\" line", state, null);
    }

    /** Undoes protobuf text-format escaping (C escapes; octal for non-ASCII bytes), then decodes UTF-8. */
    static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            if (e >= '0' && e <= '7') {
                int v = 0;
                int n = 0;
                while (n < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                    v = v * 8 + (s.charAt(i++) - '0');
                    n++;
                }
                i--;
                out.write(v);
            } else if (e == 'x' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String notV2(Path file) {
        boolean tableMagic = false;
        try (FileChannel ch = FileChannel.open(file)) {
            if (ch.size() >= TableFormat.FOOTER_SIZE) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                ch.read(b, ch.size() - 8);
                tableMagic = b.flip().remaining() == 8 && b.getLong() == TableFormat.MAGIC;
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e, file, null, e);
        }
        return tableMagic
                ? file + " is a single-file table without " + index(file).getFileName()
                    + ": a V1 checkpoint (SavedTensorSlices), which is not supported; re-save it with a V2 saver "
                    + "(TF >= 1.x tf.train.Saver default, or tf.train.Checkpoint)"
                : file + " is not a checkpoint: " + index(file).getFileName() + " does not exist and the file is "
                    + "not a V1 checkpoint either";
    }

    private static String similar(Path prefix) {
        Path dir = prefix.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> idx = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".index"))
                    .sorted().limit(5).collect(Collectors.toList());
            return idx.isEmpty() ? "" : " (index files in " + dir + ": " + String.join(", ", idx) + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
