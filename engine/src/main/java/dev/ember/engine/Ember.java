package dev.ember.engine;

import dev.ember.engine.backend.Backends;
import dev.ember.engine.internal.ThreadGenerators;

/**
 * Process-wide settings; the engine's counterpart of the {@code torch} module functions
 * {@code torch.manual_seed}, {@code torch.set_num_threads} and friends.
 */
public final class Ember {
    private static final Generator DEFAULT = new Generator(0x5eed_e3be_4L);

    private Ember() {
    }

    /**
     * Seeds the default generator, which every random op uses unless given its own (tensor
     * creation, {@code nn.init} and layer initialisation, shuffling, random transforms, and the
     * seeds of DataLoader workers); mirrors {@code torch.manual_seed}. Same seed and thread count
     * give identical runs. Called on a DataLoader worker thread it seeds that worker's generator,
     * as {@code torch.manual_seed} inside a worker process does.
     */
    public static Generator manualSeed(long seed) {
        return defaultGenerator().manualSeed(seed);
    }

    /**
     * The generator random ops use when none is given; mirrors {@code torch.default_generator}.
     * On a DataLoader worker thread this is the worker's own generator (seeded from the loader's
     * generator each epoch), as each PyTorch worker process has its own default generator.
     */
    public static Generator defaultGenerator() {
        Generator g = ThreadGenerators.current();
        return g != null ? g : DEFAULT;
    }

    /** Threads the native kernels may use; mirrors {@code torch.set_num_threads}. */
    public static void setNumThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("setNumThreads: n must be >= 1, got " + n);
        }
        Backends.get().setNumThreads(n);
    }

    /** Threads the native kernels use; mirrors {@code torch.get_num_threads}. */
    public static int getNumThreads() {
        return Backends.get().numThreads();
    }

    /** One line naming the backend, its native build and device, for logs and bug reports. */
    public static String backendInfo() {
        return Backends.get().describe();
    }
}
