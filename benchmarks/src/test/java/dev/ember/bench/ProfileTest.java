package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {
    @Test
    void outputSizesFollowPyTorchsFormula() {
        Profile.Spec stem = new Profile.Spec("conv", 32, 3, 64, 64, 64, 7, 2, 3, 0, 1);
        assertThat(stem.outH()).isEqualTo(32);
        Profile.Spec pool = new Profile.Spec("pool", 128, 5, 32, 32, 0, 3, 2, 1, 1, 0);
        assertThat(pool.outW()).isEqualTo(16);
        assertThat(stem.shape()).isEqualTo("32x3x64x64 * 64x3x7x7 s2 p3");
    }

    @Test
    void everyKernelBelongsToAWorkloadAndHasAName() {
        for (Profile.Spec s : Profile.specs()) {
            assertThat(s.w4() + s.w6()).as(s.toString()).isPositive();
            assertThat(Profile.NAMES).containsKey(s.op());
            assertThat(s.shape()).isNotBlank();
        }
    }

    @Test
    void sumsWeightKernelsByCallsAndSkipUntimedOnes() {
        List<Profile.Spec> specs = List.of(new Profile.Spec("relu", 2, 3, 0, 0, 0, 0, 0, 0, 1, 4),
                new Profile.Spec("ce_bwd", 2, 3, 0, 0, 0, 0, 0, 0, 1, 0));
        List<String> emberLines = new ArrayList<>(List.of(Profile.KERNEL_PREFIX + "0\t2.0", Profile.KERNEL_PREFIX + "1\t1.0",
                Profile.STEP_PREFIX + "W4\t5.0"));
        List<String> tfLines = List.of(Profile.KERNEL_PREFIX + "0\t0.5", Profile.KERNEL_PREFIX + "1\tNaN",
                Profile.STEP_PREFIX + "W4\t1.0", "noise");
        String t = Profile.table(specs, Profile.Times.parse(emberLines, 2), Profile.Times.parse(tfLines, 2));
        // W4: engine 2 + 1 = 3, TF 0.5 (the fused op has no separate gradient); W6: 4 x relu.
        assertThat(t).containsPattern("W4[^\\n]*\\n(.*\\n){2}  sum of kernels x calls +3\\.00 +0\\.50 +6\\.0x");
        assertThat(t).containsPattern("  measured step +5\\.00 +1\\.00 +5\\.0x");
        assertThat(t).containsPattern("  sum of kernels x calls +8\\.00 +2\\.00 +4\\.0x");
        assertThat(t).contains("(in the fwd op)");
    }
}
