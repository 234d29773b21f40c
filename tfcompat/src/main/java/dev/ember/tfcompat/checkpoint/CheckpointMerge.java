package dev.ember.tfcompat.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges several checkpoints into one, as TF's {@code MergeV2Checkpoints} / {@code MergeBundles}:
 * the data shards of the sources are renamed to {@code dest.data-0000i-of-0000N} (N = the total
 * number of shards, source order), one {@code dest.index} lists every tensor with its new shard id,
 * the sources' {@code .index} files are deleted, and with {@code deleteOldDirs} their directories
 * too when they end up empty. A key present in two sources is an error.
 */
public final class CheckpointMerge {
    private CheckpointMerge() {
    }

    /** Merges {@code prefixes} into {@code dest}; mirrors {@code tf.raw_ops.MergeV2Checkpoints}. */
    public static void merge(List<Path> prefixes, Path dest, boolean deleteOldDirs, boolean allowMissingFiles) {
        Path target = dest.toAbsolutePath().normalize();
        List<TfCheckpoint> sources = new ArrayList<>();
        try {
            for (Path p : prefixes) {
                Path prefix = p.toAbsolutePath().normalize();
                if (allowMissingFiles && !Files.exists(CheckpointPaths.index(prefix))) {
                    continue;
                }
                if (!Files.exists(CheckpointPaths.index(prefix))) {
                    throw new CheckpointException("MergeV2Checkpoints: no checkpoint at prefix " + prefix + " ("
                            + CheckpointPaths.index(prefix) + " does not exist)", CheckpointPaths.index(prefix), null);
                }
                sources.add(TfCheckpoint.open(CheckpointPaths.index(prefix)));
            }
            if (sources.isEmpty()) {
                throw new CheckpointException("MergeV2Checkpoints: none of the " + prefixes.size()
                        + " input checkpoints exists", target, null);
            }
            mergeOpen(sources, target, deleteOldDirs);
        } finally {
            for (TfCheckpoint c : sources) {
                c.close();
            }
        }
    }

    private static void mergeOpen(List<TfCheckpoint> sources, Path target, boolean deleteOldDirs) {
        int total = 0;
        for (TfCheckpoint c : sources) {
            if (c.sliceKeyCount() > 0) {
                throw new CheckpointException("MergeV2Checkpoints: " + c.prefix() + " holds partitioned (sliced) "
                        + "variables, which tfcompat cannot merge", c.indexFile(), null);
            }
            total += c.header().numShards();
        }
        Map<byte[], CheckpointEntry> merged = new TreeMap<>(KeyValue::compareKeys);
        int offset = 0;
        for (TfCheckpoint c : sources) {
            for (CheckpointEntry e : c.entries()) {
                CheckpointEntry moved = new CheckpointEntry(e.name(), e.dtypeNumber(), e.shape(), false,
                        e.shardId() + offset, e.offset(), e.size(), e.maskedCrc32c(), 0);
                if (merged.put(e.name().getBytes(StandardCharsets.UTF_8), moved) != null) {
                    throw new CheckpointException("MergeV2Checkpoints: duplicate tensor keyed by '" + e.name()
                            + "' encountered, when merging prefix " + c.prefix(), c.indexFile(), e.name());
                }
            }
            offset += c.header().numShards();
        }
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            offset = 0;
            for (TfCheckpoint c : sources) {
                for (int s = 0; s < c.header().numShards(); s++) {
                    Path from = c.shardFile(s);
                    if (!Files.exists(from)) {
                        throw new CheckpointException("MergeV2Checkpoints: missing shard file " + from, from, null);
                    }
                    Files.move(from, CheckpointPaths.data(target, offset + s, total), StandardCopyOption.REPLACE_EXISTING);
                }
                offset += c.header().numShards();
            }
            List<KeyValue> kvs = new ArrayList<>();
            kvs.add(new KeyValue(new byte[0], new BundleHeader(total, false, BundleHeader.VERSION, 0, List.of()).encode()));
            merged.forEach((k, e) -> kvs.add(new KeyValue(k, e.encode())));
            writeAtomically(CheckpointPaths.index(target), TableWriter.build(kvs, TableFormat.BLOCK_SIZE));
            for (TfCheckpoint c : sources) {
                if (!c.indexFile().equals(CheckpointPaths.index(target))) {
                    Files.deleteIfExists(c.indexFile());
                }
                Path old = c.prefix().getParent();
                if (deleteOldDirs && old != null && !old.equals(dir)) {
                    try {
                        Files.deleteIfExists(old);
                    } catch (DirectoryNotEmptyException ignored) {
                        // TF ignores this too: the directory may hold other files
                    }
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("MergeV2Checkpoints into " + target + ": " + e, target, null, e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + "-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
