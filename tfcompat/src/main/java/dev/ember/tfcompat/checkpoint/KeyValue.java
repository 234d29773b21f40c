package dev.ember.tfcompat.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One key/value pair of an SSTable; keys compare as unsigned bytes, like LevelDB's BytewiseComparator. */
record KeyValue(byte[] key, byte[] value) {

    static int compareKeys(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    String keyText() {
        return new String(key, StandardCharsets.UTF_8);
    }
}
