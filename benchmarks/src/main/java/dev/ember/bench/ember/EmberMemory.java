package dev.ember.bench.ember;

import dev.ember.bench.Measurement;
import dev.ember.bench.MemoryTrace;
import dev.ember.bench.Timer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The no-memory-growth check: 10,000 W3 steps on the engine; every 1,000 steps a GC, then heap used,
 * ND4J's tracked off-heap bytes, JavaCPP's bytes and RSS, printed as {@link MemoryTrace} lines.
 * The checkpoint pauses are not timed.
 */
final class EmberMemory {
    static final int STEPS = 10_000;
    static final int EVERY = 1_000;

    private EmberMemory() {
    }

    static Measurement run(Timer.Step step) throws Exception {
        double[] seconds = new double[STEPS];
        double[] checks = new double[2];
        for (int i = 0; i < STEPS; i++) {
            long t0 = System.nanoTime();
            double loss = step.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            if (i < 2) {
                checks[i] = loss;
            }
            if ((i + 1) % EVERY == 0) {
                MemoryTrace t = sample(i + 1);
                System.out.println(t.toLine());
                System.out.flush();
                System.err.printf(java.util.Locale.ROOT, "    step %d: heap %.1f MB, nd4j %.1f MB, javacpp %.1f MB, RSS %.1f MB%n",
                        t.step(), t.heapMb(), t.nd4jMb(), t.javacppMb(), t.rssMb());
            }
        }
        return new Measurement(seconds, checks, "");
    }

    static MemoryTrace sample(long step) throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100); // lets ND4J's deallocator thread free the buffers the GC found dead
        }
        Runtime rt = Runtime.getRuntime();
        double mb = 1024.0 * 1024.0;
        return new MemoryTrace(step, (rt.totalMemory() - rt.freeMemory()) / mb,
                Nd4j.getMemoryManager().allocatedMemory(0) / mb, Pointer.totalBytes() / mb, MemoryTrace.currentRssMb());
    }
}
