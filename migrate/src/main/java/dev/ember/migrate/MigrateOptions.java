package dev.ember.migrate;

import dev.ember.migrate.report.Severity;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The options of {@code ember migrate}. {@code out} is required unless {@code inPlace} or
 * {@code dryRun}; {@code failOn} lists severities that make the run fail (a build gate).
 */
public record MigrateOptions(Path input, Path out, Level level, Path report, boolean dryRun, boolean diff,
        boolean emitParityTests, boolean inPlace, Set<Severity> failOn, boolean force) {

    public MigrateOptions {
        failOn = failOn == null ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(
                failOn.isEmpty() ? EnumSet.noneOf(Severity.class) : failOn);
    }

    /** Defaults: eager level, no report file, writes to {@code out}. */
    public static MigrateOptions of(Path input, Path out) {
        return new MigrateOptions(input, out, Level.EAGER, null, false, false, false, false, Set.of(), false);
    }

    public MigrateOptions withLevel(Level l) {
        return new MigrateOptions(input, out, l, report, dryRun, diff, emitParityTests, inPlace, failOn, force);
    }

    public MigrateOptions withReport(Path r) {
        return new MigrateOptions(input, out, level, r, dryRun, diff, emitParityTests, inPlace, failOn, force);
    }

    public MigrateOptions withDryRun(boolean d, boolean showDiff) {
        return new MigrateOptions(input, out, level, report, d, showDiff, emitParityTests, inPlace, failOn, force);
    }

    public MigrateOptions withInPlace(boolean p) {
        return new MigrateOptions(input, out, level, report, dryRun, diff, emitParityTests, p, failOn, force);
    }

    public MigrateOptions withFailOn(Set<Severity> s) {
        return new MigrateOptions(input, out, level, report, dryRun, diff, emitParityTests, inPlace, s, force);
    }

    public MigrateOptions withForce(boolean f) {
        return new MigrateOptions(input, out, level, report, dryRun, diff, emitParityTests, inPlace, failOn, f);
    }

    public MigrateOptions withParityTests(boolean p) {
        return new MigrateOptions(input, out, level, report, dryRun, diff, p, inPlace, failOn, force);
    }
}
