package dev.ember.tfcompat.checkpoint;

import java.util.List;

/**
 * The {@code BundleHeaderProto} stored under the empty key of a bundle's {@code .index}: shard
 * count, byte order and the {@code VersionDef} of the writer.
 *
 * @param numShards number of {@code .data-NNNNN-of-MMMMM} files
 * @param bigEndian {@code true} when tensor bytes are big-endian (this reader rejects that)
 * @param producer version of the writer
 * @param minConsumer oldest reader version that can read it
 * @param badConsumers reader versions the writer declared unable to read it
 */
public record BundleHeader(int numShards, boolean bigEndian, int producer, int minConsumer,
                           List<Integer> badConsumers) {

    /** The version this reader and {@link TfCheckpointWriter} implement (TF's {@code kTensorBundleVersion}). */
    public static final int VERSION = 1;

    public BundleHeader {
        badConsumers = List.copyOf(badConsumers);
    }

    static BundleHeader decode(byte[] value) {
        int shards = 0;
        int endianness = 0;
        int producer = 0;
        int minConsumer = 0;
        List<Integer> bad = new java.util.ArrayList<>();
        ProtoReader r = new ProtoReader(value);
        while (r.next()) {
            switch (r.field()) {
                case 1: shards = r.int32(); break;
                case 2: endianness = r.int32(); break;
                case 3: {
                    ProtoReader v = new ProtoReader(r.message());
                    while (v.next()) {
                        if (v.field() == 1) {
                            producer = v.int32();
                        } else if (v.field() == 2) {
                            minConsumer = v.int32();
                        } else if (v.field() == 3 && v.wireType() == ProtoReader.LENGTH_DELIMITED) {
                            ByteCursor packed = v.message();
                            while (packed.hasRemaining()) {
                                bad.add((int) packed.varint64());
                            }
                        } else if (v.field() == 3) {
                            bad.add(v.int32());
                        } else {
                            v.skip();
                        }
                    }
                    break;
                }
                default: r.skip();
            }
        }
        if (endianness != 0 && endianness != 1) {
            throw new Malformed("unknown endianness " + endianness);
        }
        return new BundleHeader(shards, endianness == 1, producer, minConsumer, bad);
    }

    byte[] encode() {
        ProtoWriter version = new ProtoWriter().int32(1, producer);
        if (minConsumer != 0) {
            version.int32(2, minConsumer);
        }
        for (int b : badConsumers) {
            version.int32(3, b);
        }
        ProtoWriter w = new ProtoWriter().int32(1, numShards);
        if (bigEndian) {
            w.int32(2, 1);
        }
        return w.message(3, version).toByteArray();
    }

    /** Why this reader cannot use the bundle, or {@code null} when it can. */
    String incompatibility() {
        if (bigEndian) {
            return "tensor bytes are big-endian; only little-endian bundles are supported";
        }
        if (numShards < 1) {
            return "header declares " + numShards + " shards";
        }
        if (minConsumer > VERSION) {
            return "written for readers of version >= " + minConsumer + " (producer " + producer
                    + "); this reader implements version " + VERSION;
        }
        if (badConsumers.contains(VERSION)) {
            return "the writer marked reader version " + VERSION + " as unable to read it";
        }
        return null;
    }
}
