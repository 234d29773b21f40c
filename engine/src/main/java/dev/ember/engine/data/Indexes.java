package dev.ember.engine.data;

/** Index checks with the engine's error wording. */
final class Indexes {
    private Indexes() {
    }

    /** Throws unless {@code 0 <= index < size}; {@code owner} names the dataset in the message. */
    static void check(String owner, int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(owner + ": index " + index + " is out of range for size " + size);
        }
    }
}
