package dev.ddb.standalone;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;

/**
 * Gives memory back to the system once the stack goes quiet after work, as G1's periodic collection
 * does for G1 (the serial collector has nothing of the kind). Under load the heap grows to make room
 * for what outlives a young collection (a bulk load of a million items fills it to about -Xmx) and
 * glibc keeps the native memory the JIT compiler and NIO freed; neither shrinks by itself. So, each
 * time the process has done some work and then used almost no CPU for a few seconds, this runs two
 * full collections that let the heap shrink down to its live data plus a margin (up to four with
 * -XX:+ShrinkHeapInSteps, the JVM's default, which shrinks in steps), then {@code System.trim_native_heap}
 * (glibc's {@code malloc_trim}). The heap never shrinks below its initial size, hence -Xms96m in the
 * README's start command. While the stack stays quiet it trims the native heap again every
 * {@link #TRIM_QUIET_PERIODS} periods: an idle stack still allocates and frees (Kafka's polls, the
 * last of the JIT's work), and glibc keeps what was freed; after a million-item load that was
 * 25-30 MiB within 10-20 s of the return. Measured: README, "Memory: the young generation follows
 * the old one".
 *
 * <p>A full collection stops the JVM for ~0.1-0.25 s; they run only after at least {@link #WORK_CPU_NANOS}
 * of CPU since the last return and a quiet spell, so a steadily loaded stack never sees one from here,
 * and a lightly loaded one (under {@link #QUIET_CPU_SHARE} of a core) at most every two minutes or so.
 */
final class IdleMemoryReturn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleMemoryReturn.class);

    static final long PERIOD_MILLIS = 1000;
    /**
     * Below this share of one core, on average over the last {@link #QUIET_PERIODS} periods, the stack
     * counts as quiet. An idle stack uses 5-10 % of a core (Kafka's and the services' timers and polls);
     * under load it uses all of them. An average, not every period on its own: after a bulk load the JIT
     * compilers still work in bursts of a second or two at 20-35 % of a core for 10-15 s, which held the
     * return back until they were done.
     */
    static final double QUIET_CPU_SHARE = 0.15;
    /** The periods the quiet average is taken over: memory is given back once they are quiet together. */
    static final int QUIET_PERIODS = 5;
    /** While quiet, the native heap is trimmed again every this many periods (a trim takes about a millisecond). */
    static final int TRIM_QUIET_PERIODS = 10;
    /** CPU the process must have used since the last return (start-up counts) before the next one. */
    static final long WORK_CPU_NANOS = TimeUnit.SECONDS.toNanos(30);
    /**
     * For the collections of a return: at most this share of the old generation may stay free, so
     * the heap shrinks to its live data plus a ninth; the limits in force before are put back afterwards.
     * (20 %, a quarter above the live data, kept 11-22 MiB more after a million items; the old generation
     * grows again as soon as work needs it.)
     */
    static final int RETURN_MAX_HEAP_FREE_RATIO = 10;
    static final int RETURN_MIN_HEAP_FREE_RATIO = 5;
    /**
     * Two collections: what the first only found unreachable through references and cleaners (the
     * reference handler and cleaner threads act on them in between) the second frees, ~8 MB after a
     * bulk load, so the heap shrinks to a ninth above that. With -XX:+ShrinkHeapInSteps (the JVM's
     * default) each collection shrinks the heap only by 0, 10, 40 and then 100 % of the excess: four.
     */
    private static final int COLLECTIONS = 2;
    private static final int COLLECTIONS_IN_STEPS = 4;

    /** What a tick does. */
    enum Action {
        NOTHING,
        /** Full collections that shrink the heap, then a trim of the native heap. */
        GIVE_BACK,
        /** Only a trim of the native heap. */
        TRIM
    }

    /** What a tick sees and decides; kept apart from the JVM's beans so it can be tested. */
    static final class Decision {
        private long lastCpu;
        private long cpuAtLastReturn;
        /** CPU used in each of the last QUIET_PERIODS periods, a ring indexed by the periods counted. */
        private final long[] recent = new long[QUIET_PERIODS];
        private long periods;
        /** Periods in a row whose window was quiet. */
        private int quietPeriods;

        /** @param cpuNow the process's CPU time so far, start-up's included: it counts as work */
        Decision(long cpuNow) {
            this.lastCpu = cpuNow;
        }

        /** @return what to do now */
        Action tick(long cpuNow, long periodNanos) {
            recent[(int) (periods++ % QUIET_PERIODS)] = cpuNow - lastCpu;
            lastCpu = cpuNow;
            boolean quiet = periods >= QUIET_PERIODS && LongStream.of(recent).sum() < QUIET_CPU_SHARE * periodNanos * QUIET_PERIODS;
            quietPeriods = quiet ? quietPeriods + 1 : 0;
            if (quiet && cpuNow - cpuAtLastReturn >= WORK_CPU_NANOS) {
                return Action.GIVE_BACK;
            }
            return quietPeriods > 0 && quietPeriods % TRIM_QUIET_PERIODS == 0 ? Action.TRIM : Action.NOTHING;
        }

        /** After a return: its own CPU does not count as work. */
        void returned(long cpuNow) {
            cpuAtLastReturn = cpuNow;
            lastCpu = cpuNow;
            quietPeriods = 0;
        }
    }

    private final ScheduledExecutorService timer;
    private final LongSupplier processCpu;
    private final Decision decision;

    private IdleMemoryReturn(LongSupplier processCpu) {
        this.processCpu = processCpu;
        this.decision = new Decision(processCpu.getAsLong());
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ddb-idle-memory-return");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts watching; empty (nothing to do) when the JVM does not tell its process CPU time. */
    static Optional<IdleMemoryReturn> start() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) || os.getProcessCpuTime() < 0) {
            return Optional.empty();
        }
        return Optional.of(new IdleMemoryReturn(os::getProcessCpuTime));
    }

    private void tick() {
        try {
            switch (decision.tick(processCpu.getAsLong(), TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS))) {
                case GIVE_BACK -> {
                    giveBack();
                    decision.returned(processCpu.getAsLong());
                }
                case TRIM -> trimNativeHeap();
                case NOTHING -> { }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Could not give memory back", e);
        }
    }

    /** Two full collections that let the heap shrink to its live data (four with ShrinkHeapInSteps), then malloc_trim. */
    static void giveBack() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long committedBefore = memory.getHeapMemoryUsage().getCommitted();
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String minFree = hotspot.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        boolean inSteps = Boolean.parseBoolean(hotspot.getVMOption("ShrinkHeapInSteps").getValue());
        try {
            // MinHeapFreeRatio <= MaxHeapFreeRatio at every step
            hotspot.setVMOption("MinHeapFreeRatio", Integer.toString(RETURN_MIN_HEAP_FREE_RATIO));
            hotspot.setVMOption("MaxHeapFreeRatio", Integer.toString(RETURN_MAX_HEAP_FREE_RATIO));
            long committed = committedBefore;
            for (int i = 0; i < (inSteps ? COLLECTIONS_IN_STEPS : COLLECTIONS); i++) {
                memory.gc();
                MemoryUsage after = memory.getHeapMemoryUsage();
                // shrinking no further, or as far as it goes (the old generation at live data + 11 %)
                if (i > 0 && (after.getCommitted() >= committed || after.getCommitted() <= 2 * after.getUsed())) {
                    break;
                }
                committed = after.getCommitted();
            }
        } finally {
            hotspot.setVMOption("MaxHeapFreeRatio", maxFree);
            hotspot.setVMOption("MinHeapFreeRatio", minFree);
        }
        String trimmed = trimNativeHeap();
        LOG.debug("Gave memory back: heap committed {} -> {} MiB; {}", committedBefore >> 20,
                memory.getHeapMemoryUsage().getCommitted() >> 20, trimmed);
    }

    /** jcmd's System.trim_native_heap (JDK 17.0.9+, 21+): glibc's malloc_trim; "" where the JVM has no such command. */
    private static String trimNativeHeap() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object result = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.valueOf(result).trim();
        } catch (Exception e) {
            return "";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
