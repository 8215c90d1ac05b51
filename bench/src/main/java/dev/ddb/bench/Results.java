package dev.ddb.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;

/** What the runs measured, per workload and target, summed over rounds; and each server's memory. */
final class Results {

    /** One workload on one target over all rounds. */
    static final class Cell {
        long succeeded;
        long failed;
        long elapsedNanos;
        final Histogram latencyMicros = new Histogram(3);
        final List<Double> opsPerSecondByRound = new ArrayList<>();
        String firstError;
        /** Throughput in the first slice of the JIT warm-up, right after loading: a freshly started server; NaN when not run. */
        double coldOpsPerSecond = Double.NaN;
        long serverCpuMillis;
        boolean serverCpuKnown = true;
        long otherCpuMillis;
        boolean otherCpuKnown = true;
        long clientCpuMillis;
        boolean clientCpuKnown = true;

        /** Server CPU time (all its threads, user + system) per successful request, in microseconds. */
        double serverCpuMicrosPerOp() {
            return !serverCpuKnown || succeeded == 0 ? Double.NaN : serverCpuMillis * 1000.0 / succeeded;
        }

        /** The benchmark process's own CPU time (the load generator, all its threads) per successful request, in microseconds. */
        double clientCpuMicrosPerOp() {
            return !clientCpuKnown || succeeded == 0 ? Double.NaN : clientCpuMillis * 1000.0 / succeeded;
        }

        /** CPU that processes other than the benchmark and the servers used meanwhile, in cores. */
        double otherCores() {
            return !otherCpuKnown || elapsedNanos == 0 ? Double.NaN : otherCpuMillis * 1e6 / elapsedNanos;
        }

        double opsPerSecond() {
            return elapsedNanos == 0 ? 0 : succeeded * 1e9 / elapsedNanos;
        }

        double percentileMillis(double percentile) {
            return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** A server's loading time and resident memory. */
    static final class Server {
        long itemsLoaded;
        double loadSeconds;
        Optional<ResidentMemory.Usage> afterLoad = Optional.empty();
        /**
         * {@link BenchMain#IDLE_AFTER_LOAD} after {@link #afterLoad}, the server left alone (--load-only): what it
         * keeps once idle, e.g. after our launcher gave back the heap and native memory the load had grown.
         */
        Optional<ResidentMemory.Usage> idleAfterLoad = Optional.empty();
        /** After {@code jcmd PID GC.run}: a JVM's floor, without garbage it had not collected yet. */
        Optional<ResidentMemory.Usage> afterFullGc = Optional.empty();
        Optional<ResidentMemory.Usage> afterWorkloads = Optional.empty();
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final Map<String, Server> servers = new LinkedHashMap<>();

    /** One measured run; CPU figures are -1 when unknown. */
    void add(Workload workload, Target target, LoadClient client, ClosedLoopRunner.Run run, long serverCpuMillis,
            long otherCpuMillis, long clientCpuMillis) {
        Cell cell = cell(workload, target.name(), client);
        cell.clientCpuMillis += Math.max(0, clientCpuMillis);
        cell.clientCpuKnown &= clientCpuMillis >= 0;
        cell.serverCpuMillis += Math.max(0, serverCpuMillis);
        cell.serverCpuKnown &= serverCpuMillis >= 0;
        cell.otherCpuMillis += Math.max(0, otherCpuMillis);
        cell.otherCpuKnown &= otherCpuMillis >= 0;
        cell.succeeded += run.succeeded();
        cell.failed += run.failed();
        cell.elapsedNanos += run.elapsedNanos();
        cell.latencyMicros.add(run.latencyMicros());
        cell.opsPerSecondByRound.add(run.opsPerSecond());
        if (cell.firstError == null) {
            cell.firstError = run.firstError();
        }
    }

    Cell cell(Workload workload, String target, LoadClient client) {
        return cells.computeIfAbsent(workload.name() + "\u0000" + target + "\u0000" + client.name(), k -> new Cell());
    }

    Server server(String target) {
        return servers.computeIfAbsent(target, k -> new Server());
    }
}
