package dev.ember.tfcompat.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One tensor listed in a checkpoint's {@code .index} (a {@code BundleEntryProto}): name, dtype, shape
 * and where its bytes are. Immutable; shapes are returned as copies.
 */
public final class CheckpointEntry {

    private final String name;
    private final int dtypeNumber;
    private final long[] shape;
    private final boolean unknownRank;
    private final int shardId;
    private final long offset;
    private final long size;
    private final int maskedCrc;
    private final int sliceCount;

    CheckpointEntry(String name, int dtypeNumber, long[] shape, boolean unknownRank, int shardId,
                    long offset, long size, int maskedCrc, int sliceCount) {
        this.name = name;
        this.dtypeNumber = dtypeNumber;
        this.shape = shape.clone();
        this.unknownRank = unknownRank;
        this.shardId = shardId;
        this.offset = offset;
        this.size = size;
        this.maskedCrc = maskedCrc;
        this.sliceCount = sliceCount;
    }

    /** The key, e.g. {@code dense/kernel} or {@code layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE}. */
    public String name() {
        return name;
    }

    public TfDataType dtype() {
        return TfDataType.forNumber(dtypeNumber);
    }

    /** The raw {@code DataType} number (meaningful when {@link #dtype()} is {@link TfDataType#UNKNOWN}). */
    public int dtypeNumber() {
        return dtypeNumber;
    }

    /** The dimensions; empty for a scalar. A copy. */
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Product of the dimensions (1 for a scalar). */
    public long numElements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Which {@code .data-NNNNN-of-MMMMM} file holds the bytes. */
    public int shardId() {
        return shardId;
    }

    /** Byte offset of the tensor in its shard. */
    public long offset() {
        return offset;
    }

    /** Byte length of the tensor in its shard. */
    public long size() {
        return size;
    }

    /** The stored masked CRC32C of the tensor bytes. */
    public int maskedCrc32c() {
        return maskedCrc;
    }

    /** {@code true} for a partitioned (sliced) variable, which this reader rejects. */
    public boolean isSliced() {
        return sliceCount > 0;
    }

    /** Why {@link TfCheckpoint#read} cannot return this entry, or {@code null} when it can. */
    public String unreadableReason() {
        if (isSliced()) {
            return "partitioned (sliced) variable with " + sliceCount
                    + " slices; not supported: re-save it unpartitioned";
        }
        if (unknownRank || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            return "shape " + shapeText() + " is not fully known";
        }
        TfDataType t = dtype();
        if (t == TfDataType.STRING) {
            return "string tensor: read it with readStrings";
        }
        if (t == TfDataType.RESOURCE || t == TfDataType.VARIANT) {
            return "dtype " + t.tfName() + " holds no tensor values";
        }
        if (!t.isNumeric()) {
            return "dtype " + (t == TfDataType.UNKNOWN ? "number " + dtypeNumber : t.tfName()) + " is not supported";
        }
        return null;
    }

    /** The shape as {@code [3, 2]} ({@code []} for a scalar, {@code <unknown rank>} when not known). */
    public String shapeText() {
        return unknownRank ? "<unknown rank>" : Arrays.toString(shape);
    }

    /** E.g. {@code float16 [3, 2], read as float32}, {@code resource [], not readable}. */
    public String description() {
        List<String> parts = new ArrayList<>();
        TfDataType t = dtype();
        parts.add((t == TfDataType.UNKNOWN ? "dtype#" + dtypeNumber : t.tfName()) + " " + shapeText());
        if (isSliced()) {
            parts.add("partitioned, not readable");
        } else if (t.isWidened()) {
            parts.add("read as " + t.engineType().torchName());
        } else if (!t.isNumeric() && t != TfDataType.STRING) {
            parts.add("not readable");
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CheckpointEntry)) {
            return false;
        }
        CheckpointEntry e = (CheckpointEntry) o;
        return name.equals(e.name) && dtypeNumber == e.dtypeNumber && Arrays.equals(shape, e.shape)
                && unknownRank == e.unknownRank && shardId == e.shardId && offset == e.offset
                && size == e.size && maskedCrc == e.maskedCrc && sliceCount == e.sliceCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtypeNumber, Arrays.hashCode(shape), shardId, offset, size);
    }

    @Override
    public String toString() {
        return name + ": " + description() + " (shard " + shardId + ", offset " + offset + ", " + size + " bytes)";
    }

    // ------------------------------------------------------------------ BundleEntryProto

    static CheckpointEntry decode(String name, byte[] value) {
        int dtype = 0;
        List<Long> dims = new ArrayList<>();
        boolean unknownRank = false;
        int shard = 0;
        long offset = 0;
        long size = 0;
        int crc = 0;
        int slices = 0;
        ProtoReader r = new ProtoReader(value);
        while (r.next()) {
            switch (r.field()) {
                case 1: dtype = r.int32(); break;
                case 2: {
                    ProtoReader s = new ProtoReader(r.message());
                    while (s.next()) {
                        if (s.field() == 2) {
                            dims.add(dimSize(new ProtoReader(s.message())));
                        } else if (s.field() == 3) {
                            unknownRank = s.varint() != 0;
                        } else {
                            s.skip();
                        }
                    }
                    break;
                }
                case 3: shard = r.int32(); break;
                case 4: offset = r.varint(); break;
                case 5: size = r.varint(); break;
                case 6: crc = r.fixed32(); break;
                case 7: r.skip(); slices++; break;
                default: r.skip();
            }
        }
        if (offset < 0 || size < 0) {
            throw new Malformed("negative offset " + offset + " or size " + size);
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new CheckpointEntry(name, dtype, shape, unknownRank, shard, offset, size, crc, slices);
    }

    private static long dimSize(ProtoReader dim) {
        long size = 0;
        while (dim.next()) {
            if (dim.field() == 1) {
                size = dim.varint();
            } else {
                dim.skip();
            }
        }
        return size;
    }

    byte[] encode() {
        ProtoWriter shapeProto = new ProtoWriter();
        for (long d : shape) {
            ProtoWriter dim = new ProtoWriter();
            if (d != 0) {
                dim.varint(1, d);
            }
            shapeProto.message(2, dim);
        }
        ProtoWriter w = new ProtoWriter().int32(1, dtypeNumber).message(2, shapeProto);
        if (shardId != 0) {
            w.int32(3, shardId);
        }
        if (offset != 0) {
            w.varint(4, offset);
        }
        if (size != 0) {
            w.varint(5, size);
        }
        return w.fixed32(6, maskedCrc).toByteArray();
    }
}
