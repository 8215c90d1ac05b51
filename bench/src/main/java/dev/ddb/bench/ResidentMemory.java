package dev.ddb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resident memory and CPU time of a process and its descendants, from Linux's /proc. */
final class ResidentMemory {

    /** Clock ticks per second of /proc/PID/stat's utime and stime; 100 on every common Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private ResidentMemory() {
    }

    /** VmRSS (now) and VmHWM (peak), summed over the process tree, in KiB. */
    record Usage(long rssKiB, long peakKiB, int processes) {
    }

    static Optional<Usage> of(ProcessHandle process) {
        long rss = 0;
        long peak = 0;
        int processes = 0;
        for (ProcessHandle p : tree(process)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss += kib(line);
                    } else if (line.startsWith("VmHWM:")) {
                        peak += kib(line);
                    }
                }
                processes++;
            } catch (IOException | RuntimeException gone) {
                // the process ended between listing and reading, or this is no Linux
            }
        }
        return processes == 0 ? Optional.empty() : Optional.of(new Usage(rss, peak, processes));
    }

    /** User + system CPU time of the process tree so far, in milliseconds; -1 if unknown. */
    static long cpuMillis(ProcessHandle process) {
        return cpuMillis(tree(process));
    }

    /** The same for this process alone (not the stacks it started). */
    static long ownCpuMillis() {
        return cpuMillis(List.of(ProcessHandle.current()));
    }

    private static long cpuMillis(List<ProcessHandle> processes) {
        long ticks = 0;
        boolean any = false;
        for (ProcessHandle p : processes) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                // fields after the command name, which is in parentheses and may contain spaces
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                any = true;
            } catch (IOException | RuntimeException gone) {
                // ended meanwhile
            }
        }
        return any ? ticks * 1000 / TICKS_PER_SECOND : -1;
    }

    /** Busy CPU time of the whole machine so far (all cores, from /proc/stat), in milliseconds; -1 if unknown. */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                    + Long.parseLong(f[6]) + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return busy * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<ProcessHandle> tree(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process);
        process.descendants().forEach(all::add);
        return all;
    }

    private static long kib(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }

    static String mib(long kib) {
        return String.format("%,d MiB", Math.round(kib / 1024.0));
    }
}
