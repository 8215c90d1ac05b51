package dev.ddb.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

class IdleMemoryReturnTest {

    private static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(IdleMemoryReturn.PERIOD_MILLIS);
    private static final long BUSY = PERIOD * 2; // two cores flat out
    private static final long QUIET = (long) (PERIOD * IdleMemoryReturn.QUIET_CPU_SHARE) / 2;

    private long cpu;

    private boolean tick(IdleMemoryReturn.Decision decision, long used) {
        return action(decision, used) == IdleMemoryReturn.Action.GIVE_BACK;
    }

    private IdleMemoryReturn.Action action(IdleMemoryReturn.Decision decision, long used) {
        cpu += used;
        return decision.tick(cpu, PERIOD);
    }

    @Test
    void givesBackOnceQuietAfterWork() {
        IdleMemoryReturn.Decision decision = new IdleMemoryReturn.Decision(cpu);
        long workPeriods = IdleMemoryReturn.WORK_CPU_NANOS / BUSY;
        for (int i = 0; i < workPeriods; i++) {
            assertThat(tick(decision, BUSY)).isFalse();
        }
        for (int i = 1; i < IdleMemoryReturn.QUIET_PERIODS; i++) {
            assertThat(tick(decision, QUIET)).as("quiet period %d", i).isFalse();
        }
        assertThat(tick(decision, QUIET)).isTrue();
        decision.returned(cpu);
        // idle from now on: no second collection without more work
        for (int i = 0; i < 100; i++) {
            assertThat(tick(decision, QUIET)).isFalse();
        }
    }

    @Test
    void startUpCountsAsWork() {
        cpu = IdleMemoryReturn.WORK_CPU_NANOS; // what start-up used
        IdleMemoryReturn.Decision decision = new IdleMemoryReturn.Decision(cpu);
        boolean returned = false;
        for (int i = 0; i < IdleMemoryReturn.QUIET_PERIODS; i++) {
            returned = tick(decision, QUIET);
        }
        assertThat(returned).isTrue();
    }

    @Test
    void aBusyPeriodStartsTheQuietCountAgain() {
        IdleMemoryReturn.Decision decision = new IdleMemoryReturn.Decision(cpu);
        cpu += IdleMemoryReturn.WORK_CPU_NANOS;
        for (int i = 1; i < IdleMemoryReturn.QUIET_PERIODS; i++) {
            assertThat(tick(decision, QUIET)).isFalse();
        }
        assertThat(tick(decision, BUSY)).isFalse();
        for (int i = 1; i < IdleMemoryReturn.QUIET_PERIODS; i++) {
            assertThat(tick(decision, QUIET)).isFalse();
        }
        assertThat(tick(decision, QUIET)).isTrue();
    }

    @Test
    void aShortBurstOfTheCompilersDoesNotHoldItBack() {
        cpu = IdleMemoryReturn.WORK_CPU_NANOS;
        IdleMemoryReturn.Decision decision = new IdleMemoryReturn.Decision(cpu);
        long burst = (long) (PERIOD * 0.3); // a JIT compiler thread for a third of a second, as after a bulk load
        assertThat(tick(decision, QUIET)).isFalse();
        assertThat(tick(decision, QUIET)).isFalse();
        assertThat(tick(decision, burst)).isFalse();
        assertThat(tick(decision, QUIET)).isFalse();
        assertThat(tick(decision, QUIET)).as("five periods under the quiet share on average").isTrue();
    }

    @Test
    void aLightButSteadyLoadIsNotQuiet() {
        cpu = IdleMemoryReturn.WORK_CPU_NANOS;
        IdleMemoryReturn.Decision decision = new IdleMemoryReturn.Decision(cpu);
        long light = (long) (PERIOD * IdleMemoryReturn.QUIET_CPU_SHARE * 1.2);
        for (int i = 0; i < 100; i++) {
            assertThat(action(decision, light)).isEqualTo(IdleMemoryReturn.Action.NOTHING);
        }
    }

    @Test
    void trimsTheNativeHeapAgainWhileQuietAndNeverWhileBusy() {
        cpu = IdleMemoryReturn.WORK_CPU_NANOS;
        IdleMemoryReturn.Decision decision = new IdleMemoryReturn.Decision(cpu);
        for (int i = 0; i < 100; i++) {
            assertThat(action(decision, BUSY)).isEqualTo(IdleMemoryReturn.Action.NOTHING);
        }
        int trims = 0;
        for (int i = 1; i <= 10 * IdleMemoryReturn.TRIM_QUIET_PERIODS; i++) {
            IdleMemoryReturn.Action action = action(decision, QUIET);
            if (action == IdleMemoryReturn.Action.GIVE_BACK) {
                decision.returned(cpu);
            } else if (action == IdleMemoryReturn.Action.TRIM) {
                trims++;
            }
        }
        // one give-back (with its own trim), then a trim every TRIM_QUIET_PERIODS quiet periods after it
        assertThat(trims).isEqualTo(9);
    }

    @Test
    void givingBackRestoresTheCollectorsLimits() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        IdleMemoryReturn.giveBack();
        assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }
}
