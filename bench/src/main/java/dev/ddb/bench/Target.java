package dev.ddb.bench;

import java.net.URI;
import java.util.Optional;

/**
 * A DynamoDB endpoint under test: ours or a peer implementation (both started by the benchmark as
 * child processes), or one somebody else started, given on the command line.
 */
interface Target extends AutoCloseable {

    /** Who this target is: the thing measured, what it is compared with, and who owns the process. */
    enum Kind {
        /** Our stack, started by the benchmark. */
        OURS,
        /** Another DynamoDB-compatible server (dynalite, moto) the benchmark started to compare with. */
        PEER,
        /** An endpoint somebody else started ({@code --target}), e.g. DynamoDB Local. */
        EXTERNAL
    }

    String name();

    URI endpoint();

    /** The server process, when known: for resident memory, CPU settling and profiling. */
    Optional<ProcessHandle> process();

    Kind kind();

    /** Whether the benchmark started it (ours or a peer) or somebody else did. */
    default boolean external() {
        return kind() == Kind.EXTERNAL;
    }

    /** What it is compared with: peers and external endpoints. */
    default boolean reference() {
        return kind() != Kind.OURS;
    }

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
        public Kind kind() {
            return Kind.EXTERNAL;
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
