package dev.ddb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The results as an aligned text table (console) and as markdown (results.md). */
final class Report {

    private final BenchOptions options;
    private final List<Target> targets;
    /** What ours are compared with: the peers and external endpoints; ours-sync when there are none. */
    private final List<Target> references;
    /** What is compared with them: our stacks (without ours-sync when that is the reference). */
    private final List<Target> compared;
    private final Results results;
    private final List<String> notes;

    Report(BenchOptions options, List<Target> targets, Results results, List<String> notes) {
        this.options = options;
        this.targets = targets;
        this.results = results;
        this.notes = notes;
        List<Target> ours = targets.stream().filter(t -> !t.reference()).toList();
        List<Target> others = targets.stream().filter(Target::reference).toList();
        if (!others.isEmpty()) {
            this.references = others;
            this.compared = ours;
        } else if (ours.size() > 1) {
            this.references = List.of(ours.get(0));
            this.compared = ours.subList(1, ours.size());
        } else {
            this.references = List.of();
            this.compared = List.of();
        }
    }

    List<String> performanceHeader() {
        return List.of("workload", "target", "ops/s", "ops/s by round", "p50 ms", "p99 ms", "p99.9 ms", "errors",
                "server CPU us/op", "client CPU us/op", "other load (cores)");
    }

    List<List<String>> performanceRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            for (LoadClient client : options.clients()) {
                for (Target target : targets) {
                    Results.Cell cell = results.cell(workload, target.name(), client);
                    List<String> row = new ArrayList<>(List.of(
                            LoadClient.label(workload, client, options.clients()),
                            target.name(),
                            String.format(Locale.ROOT, "%,.0f", cell.opsPerSecond()),
                            cell.opsPerSecondByRound.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).collect(Collectors.joining(" / ")),
                            millis(cell.percentileMillis(50)),
                            millis(cell.percentileMillis(99)),
                            millis(cell.percentileMillis(99.9)),
                            cell.failed == 0 ? "0" : cell.failed + " (" + cell.firstError + ")",
                            Double.isNaN(cell.serverCpuMicrosPerOp()) ? "-" : String.format(Locale.ROOT, "%,.0f", cell.serverCpuMicrosPerOp()),
                            Double.isNaN(cell.clientCpuMicrosPerOp()) ? "-" : String.format(Locale.ROOT, "%,.0f", cell.clientCpuMicrosPerOp()),
                            Double.isNaN(cell.otherCores()) ? "-" : String.format(Locale.ROOT, "%.2f", cell.otherCores())));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Ours / each reference: throughput (higher is better for us), p99 and CPU per request (lower is better). */
    List<String> ratioHeader() {
        List<String> header = new ArrayList<>(List.of("workload", "ours"));
        for (Target reference : references) {
            header.add("ops/s vs " + reference.name());
            header.add("p99 vs " + reference.name());
            header.add("CPU/op vs " + reference.name());
        }
        return header;
    }

    List<List<String>> ratioRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            for (LoadClient client : options.clients()) {
                for (Target target : compared) {
                    Results.Cell cell = results.cell(workload, target.name(), client);
                    List<String> row = new ArrayList<>(List.of(LoadClient.label(workload, client, options.clients()), target.name()));
                    for (Target reference : references) {
                        Results.Cell base = results.cell(workload, reference.name(), client);
                        row.add(ratio(cell.opsPerSecond(), base.opsPerSecond()));
                        row.add(ratio(cell.percentileMillis(99), base.percentileMillis(99)));
                        row.add(ratio(cell.serverCpuMicrosPerOp(), base.serverCpuMicrosPerOp()));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private boolean coldMeasured() {
        return options.jitWarmupSeconds() > 0;
    }

    /** Cold: the first 2 s slice of the JIT warm-up, right after start-up and loading; warm: the measured rounds. */
    List<String> coldHeader() {
        return List.of("workload", "target", "cold ops/s", "warm ops/s", "warm / cold");
    }

    List<List<String>> coldRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Workload workload : options.workloads()) {
            for (LoadClient client : options.clients()) {
                for (Target target : targets) {
                    Results.Cell cell = results.cell(workload, target.name(), client);
                    rows.add(List.of(LoadClient.label(workload, client, options.clients()), target.name(),
                            String.format(Locale.ROOT, "%,.0f", cell.coldOpsPerSecond),
                            String.format(Locale.ROOT, "%,.0f", cell.opsPerSecond()),
                            ratio(cell.opsPerSecond(), cell.coldOpsPerSecond)));
                }
            }
        }
        return rows;
    }

    private boolean indexCostMeasured() {
        return options.workloads().contains(Workload.PUT) && options.workloads().contains(Workload.PUT_GSI);
    }

    /** What two GSIs cost a PutItem, per target: with / without, so 1.5 means "half as expensive again". */
    List<String> indexCostHeader() {
        return List.of("target", "PutItem ops/s", "PutItem (2 GSIs) ops/s", "time per put x", "CPU per put x", "p99 x");
    }

    List<List<String>> indexCostRows() {
        List<List<String>> rows = new ArrayList<>();
        for (LoadClient client : options.clients()) {
            for (Target target : targets) {
                Results.Cell plain = results.cell(Workload.PUT, target.name(), client);
                Results.Cell indexed = results.cell(Workload.PUT_GSI, target.name(), client);
                rows.add(List.of(
                        options.clients().equals(List.of(LoadClient.SDK)) ? target.name() : target.name() + " [" + client.id() + "]",
                        String.format(Locale.ROOT, "%,.0f", plain.opsPerSecond()),
                        String.format(Locale.ROOT, "%,.0f", indexed.opsPerSecond()),
                        ratio(plain.opsPerSecond(), indexed.opsPerSecond()),
                        ratio(indexed.serverCpuMicrosPerOp(), plain.serverCpuMicrosPerOp()),
                        ratio(indexed.percentileMillis(99), plain.percentileMillis(99))));
            }
        }
        return rows;
    }

    List<String> memoryHeader() {
        return List.of("server", "items loaded", "load time", "load items/s", "RSS after load",
                options.loadOnly() ? "RSS " + BenchMain.IDLE_AFTER_LOAD.toSeconds() + " s later" : "-", "RSS after load + full GC",
                options.loadOnly() ? "-" : "RSS after workloads", "peak RSS (VmHWM)", "processes");
    }

    List<List<String>> memoryRows() {
        List<List<String>> rows = new ArrayList<>();
        for (Target target : targets) {
            Results.Server server = results.server(target.name());
            ResidentMemory.Usage last = server.afterWorkloads.or(() -> server.afterLoad).orElse(null);
            rows.add(List.of(
                    target.name(),
                    String.format(Locale.ROOT, "%,d", server.itemsLoaded),
                    String.format(Locale.ROOT, "%.1f s", server.loadSeconds),
                    server.loadSeconds == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", server.itemsLoaded / server.loadSeconds),
                    server.afterLoad.map(u -> ResidentMemory.mib(u.rssKiB())).orElse("n/a (no pid)"),
                    options.loadOnly() ? server.idleAfterLoad.map(u -> ResidentMemory.mib(u.rssKiB())).orElse("n/a") : "-",
                    server.afterFullGc.map(u -> ResidentMemory.mib(u.rssKiB())).orElse("n/a"),
                    options.loadOnly() ? "-" : server.afterWorkloads.map(u -> ResidentMemory.mib(u.rssKiB())).orElse("n/a"),
                    last == null ? "n/a" : ResidentMemory.mib(last.peakKiB()),
                    last == null ? "-" : Integer.toString(last.processes())));
        }
        return rows;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        if (!options.loadOnly()) {
            out.append(aligned(performanceHeader(), performanceRows())).append('\n');
            if (!compared.isEmpty()) {
                out.append("Ratios (ours / each of the others; ops/s: higher is better for ours, p99 and CPU/op: lower is better)\n");
                out.append(aligned(ratioHeader(), ratioRows())).append('\n');
            }
            if (coldMeasured()) {
                out.append("Cold (first 2 s after start-up and loading) and warm (the measured rounds)\n");
                out.append(aligned(coldHeader(), coldRows())).append('\n');
            }
            if (indexCostMeasured()) {
                out.append("What two GSIs (projection ").append(options.gsiProjection()).append(") cost a PutItem: with / without\n");
                out.append(aligned(indexCostHeader(), indexCostRows())).append('\n');
            }
        }
        out.append(aligned(memoryHeader(), memoryRows()));
        return out.toString();
    }

    String markdown(String settings) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n").append(settings).append('\n');
        md.append("Targets:\n\n");
        for (Target t : targets) {
            md.append("- `").append(t.name()).append("`: ").append(t.description()).append('\n');
        }
        md.append('\n');
        if (!options.loadOnly()) {
            md.append("## Throughput and latency\n\n");
            md.append(markdownTable(performanceHeader(), performanceRows())).append('\n');
            md.append("BatchWriteItem ops are requests of 25 puts each. "
                    + "Server CPU us/op: CPU time of the server process tree per request (all its threads). Other load: CPU that "
                    + "processes other than the benchmark and the servers it started used during the measurements, in cores: "
                    + "figures taken while it is well above 0 come from a busy machine. Client CPU us/op: CPU time of the "
                    + "benchmark's own process (the load generator, all its threads, from /proc/self/stat) per request: what the "
                    + "client takes from the cores it shares with the server.\n\n");
            if (!compared.isEmpty()) {
                md.append("## Ours against the others\n\n");
                md.append(markdownTable(ratioHeader(), ratioRows())).append('\n');
                md.append("Each figure is ours / theirs: for ops/s above 1 means ours is faster; for p99 and server CPU per "
                        + "request below 1 means ours is better.\n\n");
            }
            if (coldMeasured()) {
                md.append("## Cold and warm\n\n");
                md.append(markdownTable(coldHeader(), coldRows())).append('\n');
                md.append("Cold: the first 2 s slice of each workload in the JIT warm-up, which starts right after the server "
                        + "started and the items were loaded; warm: the measured rounds after the warm-up. The servers' start-up "
                        + "times are in the target list above.\n\n");
            }
            if (indexCostMeasured()) {
                md.append("## What two GSIs cost a PutItem\n\n");
                md.append(markdownTable(indexCostHeader(), indexCostRows())).append('\n');
                md.append("PutItem (2 GSIs) writes the same ~200-byte items as PutItem into `bench_gsi`, whose GSIs `by_g1` and "
                        + "`by_g2` (projection ").append(options.gsiProjection()).append(") both get a new key on every write. "
                        + "Each factor is with / without: time per put is the inverse throughput ratio.\n\n");
            }
        }
        md.append("## Resident memory\n\n");
        md.append(markdownTable(memoryHeader(), memoryRows())).append('\n');
        md.append("RSS is VmRSS from /proc summed over the server process and its children; peak is VmHWM. "
                + "\"After load\": once the server's CPU went quiet after the load"
                + (options.loadOnly() ? "; \"" + BenchMain.IDLE_AFTER_LOAD.toSeconds() + " s later\": again after leaving it idle that long" : "")
                + ". \"+ full GC\": measured again after `jcmd PID GC.run` (JVM servers only), which shows the footprint "
                + "without garbage a large default heap lets pile up.\n");
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    private static String aligned(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendAligned(out, header, widths);
        out.append("-".repeat(java.util.Arrays.stream(widths).sum() + 2 * (widths.length - 1))).append('\n');
        for (List<String> row : rows) {
            appendAligned(out, row, widths);
        }
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean left = i < 2;
            String pad = " ".repeat(widths[i] - cell.length());
            out.append(left ? cell + pad : pad + cell);
            if (i < cells.size() - 1) {
                out.append("  ");
            }
        }
        out.append('\n');
    }

    private static String markdownTable(List<String> header, List<List<String>> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append(header.stream().map(h -> " --- ").collect(Collectors.joining("|"))).append("|\n");
        for (List<String> row : rows) {
            md.append("| ").append(row.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | "))).append(" |\n");
        }
        return md.toString();
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double value, double base) {
        return base == 0 || Double.isNaN(base) || Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value / base);
    }
}
