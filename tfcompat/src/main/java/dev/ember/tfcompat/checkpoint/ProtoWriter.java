package dev.ember.tfcompat.checkpoint;

import java.nio.charset.StandardCharsets;

/** The encoding counterpart of {@link ProtoReader}: writes fields in the order they are added. */
final class ProtoWriter {

    private final ByteSink out = new ByteSink();

    private ProtoWriter tag(int field, int wireType) {
        out.varint((long) field << 3 | wireType);
        return this;
    }

    ProtoWriter varint(int field, long value) {
        tag(field, ProtoReader.VARINT);
        out.varint(value);
        return this;
    }

    /** An int32/enum field; negative values take 10 bytes, as protobuf does. */
    ProtoWriter int32(int field, int value) {
        return varint(field, value);
    }

    ProtoWriter fixed32(int field, int value) {
        tag(field, ProtoReader.FIXED32);
        out.fixed32(value);
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, ProtoReader.LENGTH_DELIMITED);
        out.varint(value.length);
        out.bytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
