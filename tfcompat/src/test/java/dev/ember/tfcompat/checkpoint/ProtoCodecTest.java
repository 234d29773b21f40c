package dev.ember.tfcompat.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written protobuf decoding of BundleHeaderProto / BundleEntryProto, on bytes TF wrote (from the doc). */
class ProtoCodecTest {

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** float32 [3,2] at offset 0, 24 bytes, as written by TF (checkpoint-and-layout.md §1.4). */
    private static final byte[] TF_ENTRY = bytes(0x08, 0x01, 0x12, 0x08, 0x12, 0x02, 0x08, 0x03, 0x12, 0x02, 0x08,
            0x02, 0x28, 0x18, 0x35, 0x79, 0xe2, 0x86, 0xc4);

    @Test
    void decodesTheEntryTfWrote() {
        CheckpointEntry e = CheckpointEntry.decode("dense/kernel", TF_ENTRY);
        assertThat(e.dtype()).isEqualTo(TfDataType.FLOAT);
        assertThat(e.shape()).containsExactly(3, 2);
        assertThat(e.shardId()).isZero();
        assertThat(e.offset()).isZero();
        assertThat(e.size()).isEqualTo(24);
        assertThat(e.maskedCrc32c()).isEqualTo(0xc486e279);
        assertThat(e.isSliced()).isFalse();
        assertThat(e.unreadableReason()).isNull();
    }

    @Test
    void encodesEntriesByteForByteLikeTf() {
        assertThat(CheckpointEntry.decode("x", TF_ENTRY).encode()).containsExactly(TF_ENTRY);
    }

    @Test
    void headerTfWritesDecodesAndReencodes() {
        byte[] tf = bytes(0x08, 0x01, 0x1a, 0x02, 0x08, 0x01);
        BundleHeader h = BundleHeader.decode(tf);
        assertThat(h).isEqualTo(new BundleHeader(1, false, 1, 0, List.of()));
        assertThat(h.incompatibility()).isNull();
        assertThat(h.encode()).containsExactly(tf);
    }

    @Test
    void headerChecksEndiannessAndVersions() {
        assertThat(BundleHeader.decode(new BundleHeader(1, true, 1, 0, List.of()).encode()).incompatibility())
                .contains("big-endian");
        assertThat(BundleHeader.decode(new BundleHeader(1, false, 3, 2, List.of()).encode()).incompatibility())
                .contains("readers of version >= 2");
        assertThat(BundleHeader.decode(new BundleHeader(1, false, 1, 0, List.of(1)).encode()).incompatibility())
                .contains("marked reader version 1");
        // bad_consumers packed (proto3 default for repeated int32) decodes too
        byte[] packed = new ProtoWriter().int32(1, 2).message(3, new ProtoWriter().int32(1, 1)
                .bytes(3, new ByteSink().varint(1).varint(7).toByteArray())).toByteArray();
        assertThat(BundleHeader.decode(packed).badConsumers()).containsExactly(1, 7);
        assertThat(BundleHeader.decode(packed).numShards()).isEqualTo(2);
    }

    @Test
    void scalarShapeIsPresentButEmptyAndUnknownFieldsAreSkipped() {
        byte[] b = new ProtoWriter().int32(1, 9).bytes(2, new byte[0]).varint(99, 5)
                .fixed32(98, 7).bytes(97, bytes(1, 2, 3)).varint(5, 8).toByteArray();
        byte[] withFixed64 = new ByteSink().bytes(b).varint(96L << 3 | 1).fixed64(-1).toByteArray();
        CheckpointEntry e = CheckpointEntry.decode("step", withFixed64);
        assertThat(e.dtype()).isEqualTo(TfDataType.INT64);
        assertThat(e.shape()).isEmpty();
        assertThat(e.numElements()).isEqualTo(1);
        assertThat(e.size()).isEqualTo(8);
    }

    @Test
    void slicesUnknownRankAndUnknownDtypeAreReported() {
        byte[] sliced = new ProtoWriter().int32(1, 1).bytes(7, new byte[0]).bytes(7, new byte[0]).toByteArray();
        assertThat(CheckpointEntry.decode("v", sliced).unreadableReason()).contains("partitioned (sliced) variable with 2 slices");
        byte[] unknownRank = new ProtoWriter().int32(1, 1).message(2, new ProtoWriter().varint(3, 1)).toByteArray();
        assertThat(CheckpointEntry.decode("v", unknownRank).unreadableReason()).contains("not fully known");
        byte[] newType = new ProtoWriter().int32(1, 77).toByteArray();
        CheckpointEntry e = CheckpointEntry.decode("v", newType);
        assertThat(e.dtype()).isEqualTo(TfDataType.UNKNOWN);
        assertThat(e.unreadableReason()).isEqualTo("dtype number 77 is not supported");
        assertThat(CheckpointEntry.decode("h", new ProtoWriter().int32(1, 19).toByteArray()).description())
                .isEqualTo("float16 [], read as float32");
    }

    @Test
    void wrongWireTypeIsAnError() {
        byte[] b = new ProtoWriter().fixed32(1, 1).toByteArray();  // dtype as fixed32
        assertThatThrownBy(() -> CheckpointEntry.decode("x", b)).isInstanceOf(Malformed.class)
                .hasMessageContaining("field 1 has wire type 5");
    }

    @Test
    void objectGraphRoundTrip() {
        ObjectGraph g = new ObjectGraph(List.of(
                new ObjectGraph.Node(List.of(new ObjectGraph.Child(1, "layer_with_weights-0")), List.of()),
                new ObjectGraph.Node(List.of(), List.of(new ObjectGraph.Attribute("VARIABLE_VALUE", "conv2d/kernel",
                        "layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE")))));
        ObjectGraph back = ObjectGraph.decode(g.encode());
        assertThat(back).isEqualTo(g);
        assertThat(back.fullNamesByKey()).containsEntry("layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE",
                "conv2d/kernel");
    }
}
