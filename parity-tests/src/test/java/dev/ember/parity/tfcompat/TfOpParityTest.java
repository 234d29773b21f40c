package dev.ember.parity.tfcompat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ember.tfcompat.runtime.OpRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tfcompat registry op against the real TF runtime: forward and gradient (see {@link TfOpParity}),
 * or, for stateful ops, as programs of several runs (see {@link TfProgramParity}); after all cases,
 * every registry op type must have run in some case, or be listed in {@link #NOT_COMPARABLE} with the reason.
 */
class TfOpParityTest {
    /** Registry types that have no TF counterpart to compare with, and why. */
    static final Map<String, String> NOT_COMPARABLE = Map.of(
            "EmberGradients", "Ember's own gradient node; compared through every case's gradient check instead");

    /**
     * Registry types with no parity case YET. This list must only shrink: the tfcompat op-family work
     * adds cases (stateful programs for variables, TF gradient graphs) and removes names here.
     */
    static final java.util.Set<String> PENDING = java.util.Set.of();

    static List<TfOpParity> cases() {
        List<TfOpParity> all = new ArrayList<>();
        all.addAll(CoreParityCases.cases());
        all.addAll(NnParityCases.cases());
        all.addAll(MathParityCases.cases());
        all.addAll(ReductionParityCases.cases());
        all.addAll(ArrayParityCases.cases());
        return all;
    }

    /** Stateful programs (variables, update ops, random ops): {@link TfProgramParity}. */
    static List<TfProgramParity> programs() {
        List<TfProgramParity> all = new ArrayList<>();
        all.addAll(StateParityCases.cases());
        all.addAll(RandomParityCases.cases());
        return all;
    }

    /** Session programs (runs sharing session state: resource variables, calls, save/restore), see {@link TfProgram}. */
    static List<TfProgram> sessionPrograms() {
        List<TfProgram> all = new ArrayList<>();
        all.addAll(StateParityPrograms.programs());
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesTf() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::check));
    }

    @TestFactory
    Stream<DynamicTest> everyProgramMatchesTf() {
        return programs().stream().map(c -> DynamicTest.dynamicTest(c.name(), c::check));
    }

    @TestFactory
    Stream<DynamicTest> everySessionProgramMatchesTf() {
        return sessionPrograms().stream().map(TfProgram::test);
    }

    @AfterAll
    static void everyRegistryOpRanInSomeCase() {
        TreeSet<String> missing = new TreeSet<>(OpRegistry.types());
        missing.removeAll(TfOpParity.seenOpTypes());
        missing.removeAll(NOT_COMPARABLE.keySet());
        missing.removeAll(PENDING);
        assertThat(missing).as("registry op types without a parity case against real TF "
                + "(add a case to a *ParityCases file)").isEmpty();
    }
}
