package dev.ddb.bench;

import java.net.URI;
import java.util.Optional;

/** A DynamoDB endpoint under test: ours, started by the benchmark, or one given on the command line. */
interface Target extends AutoCloseable {

    String name();

    URI endpoint();

    /** The server process, when known: for resident memory, CPU settling and profiling. */
    Optional<ProcessHandle> process();

    /** Whether the benchmark started it (ours) or somebody else did. */
    boolean external();

    /** One line for the results: what this target is. */
    String description();

    @Override
    void close();

    /** An endpoint somebody else started, e.g. DynamoDB Local. */
    record External(String name, URI endpoint, Optional<ProcessHandle> process) implements Target {

        static External of(BenchOptions.ExternalEndpoint endpoint) {
            Optional<ProcessHandle> process = Optional.empty();
            if (endpoint.pid() != null) {
                process = ProcessHandle.of(endpoint.pid());
                if (process.isEmpty()) {
                    throw new IllegalArgumentException("--pid " + endpoint.name() + "=" + endpoint.pid() + ": no such process");
                }
            }
            return new External(endpoint.name(), endpoint.endpoint(), process);
        }

        @Override
        public boolean external() {
            return true;
        }

        @Override
        public String description() {
            return "external endpoint " + endpoint + process.map(p -> " (pid " + p.pid() + ")").orElse(" (no pid: no memory figures)");
        }

        @Override
        public void close() {
            // not ours to stop
        }
    }
}
