package dev.ember.engine.io;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * One TensorBoard event file: TFRecord framing (uint64 length, masked CRC32C of the length, the
 * bytes, masked CRC32C of the bytes) of serialized {@code Event}s, the first carrying
 * {@code file_version "brain.Event:2"}. Mirrors tensorboard's {@code EventFileWriter}, including
 * the file name {@code events.out.tfevents.<secs>.<hostname>.<pid>.<n>}.
 */
final class EventFileWriter implements Closeable {
    /** tensorboard's {@code _global_uid}: a process-wide counter in every file name. */
    private static final AtomicInteger GLOBAL_UID = new AtomicInteger();
    private static final int MASK_DELTA = 0xa282ead8;

    private final Path file;
    private final OutputStream out;

    EventFileWriter(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        double now = wallTime();
        String name = String.format("events.out.tfevents.%010d.%s.%d.%d", (long) now, hostname(),
                ProcessHandle.current().pid(), GLOBAL_UID.getAndIncrement());
        this.file = logDir.resolve(name);
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        write(new ProtoWriter().doubleField(1, now).string(3, "brain.Event:2").toByteArray());
        flush();
    }

    Path file() {
        return file;
    }

    /** Appends one serialized {@code Event} as a TFRecord. */
    synchronized void write(byte[] event) throws IOException {
        byte[] len = new byte[8];
        for (int i = 0; i < 8; i++) {
            len[i] = (byte) ((long) event.length >>> (8 * i));
        }
        out.write(len);
        out.write(le32(maskedCrc(len)));
        out.write(event);
        out.write(le32(maskedCrc(event)));
    }

    synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** TF's masked CRC32C: {@code rotateRight(crc, 15) + 0xa282ead8}. */
    static int maskedCrc(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data, 0, data.length);
        int c = (int) crc.getValue();
        return Integer.rotateRight(c, 15) + MASK_DELTA;
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    static double wallTime() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** What Python's {@code socket.gethostname()} returns: the kernel's name, not a DNS lookup. */
    static String hostname() {
        try {
            Path p = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(p)) {
                String h = Files.readString(p, StandardCharsets.UTF_8).strip();
                if (!h.isEmpty()) {
                    return h;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | UncheckedIOException e) {
            return "localhost";
        }
    }
}
