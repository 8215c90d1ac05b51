package dev.ddb.standalone;

import java.io.IOException;
import java.util.Arrays;

import dev.ddb.standalone.tail.TailCommand;

/**
 * {@code java -jar ddb-standalone.jar [tail <topic> | kafka | rotate-key <new key file> | cds-training | --help]}: with no arguments the whole stack on
 * this machine, like DynamoDB Local, with a real Kafka broker (settings from environment variables,
 * see {@link Usage}). No logger here: the tail subcommand must choose where logs go before Logback
 * reads its configuration.
 */
public final class StandaloneLauncher {

    private StandaloneLauncher() {
    }

    /** Reactor Netty's own setting, read when its first event loops are made. */
    static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    /**
     * One Netty event loop per core for all the stack's servers (Reactor Netty's default is at
     * least four): the gateway answers GetItem on the loop that read it, so a loop more than there
     * are cores only adds wake-ups (measured on 2 cores: 20 % less CPU per GetItem, 15 % per
     * PutItem). A value given with {@code -Dreactor.netty.ioWorkerCount} is kept.
     */
    static void fitEventLoopsToTheMachine() {
        if (System.getProperty(IO_WORKER_COUNT) == null) {
            System.setProperty(IO_WORKER_COUNT, Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }

    /** The JDK's own setting, read when NIO first needs a temporary direct buffer. */
    static final String MAX_CACHED_BUFFER_SIZE = "jdk.nio.maxCachedBufferSize";

    /**
     * A write or read of a heap buffer through a socket or file channel goes through a temporary
     * direct buffer that the JDK caches per thread, as large as the largest such I/O the thread did
     * (unbounded by default). Kafka's request handlers and network threads move fetch responses of
     * up to a megabyte, so after loading a million items about 200 MB of direct memory sat in those
     * caches (NMT's "Other"); capped at 256 KiB, larger I/O gets a buffer freed after use and the
     * cache stays small (measured: Other 201 MB → 4 MB, load speed unchanged). A value given with
     * {@code -Djdk.nio.maxCachedBufferSize} is kept.
     */
    static void capCachedDirectBuffers() {
        if (System.getProperty(MAX_CACHED_BUFFER_SIZE) == null) {
            System.setProperty(MAX_CACHED_BUFFER_SIZE, Integer.toString(256 * 1024));
        }
    }

    /** Netty's own setting, read when its first buffer is allocated. */
    static final String LEAK_DETECTION_LEVEL = "io.netty.leakDetection.level";

    /**
     * Netty's buffer leak detector samples one buffer in 128 and records the stack that allocated
     * it and every one that touched it: about 2 % of the gateway's CPU per GetItem in a profile,
     * for a debugging aid. The launcher runs without it; the tests (which start the stack
     * in-process) keep Netty's default, so a leak still shows there. A value given with
     * {@code -Dio.netty.leakDetection.level} is kept.
     */
    static void leaveLeakDetectionToTests() {
        if (System.getProperty(LEAK_DETECTION_LEVEL) == null) {
            System.setProperty(LEAK_DETECTION_LEVEL, "disabled");
        }
    }

    /** What the stack's JVM sets before anything else, for the stack and for its training run alike. */
    private static void prepareForTheStack() {
        capCachedDirectBuffers();
        fitEventLoopsToTheMachine();
        leaveLeakDetectionToTests();
    }

    public static void main(String[] args) throws IOException {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "" -> {
                prepareForTheStack();
                StackSettings settings;
                try {
                    settings = StackSettings.fromEnvironment(System.getenv());
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    System.exit(2);
                    return;
                }
                StackCommand.run(settings);
            }
            case "kafka" -> {
                capCachedDirectBuffers();
                KafkaCommand.run(StackSettings.fromEnvironment(System.getenv()));
            }
            case "cds-training" -> {
                // A build step: its output is the archive, so the stack's start-up lines would only be noise.
                System.setProperty("ddb.log.level", "ERROR");
                prepareForTheStack();
                CdsTrainingCommand.run();
            }
            case "rotate-key" -> System.exit(RotateKeyCommand.run(Arrays.copyOfRange(args, 1, args.length),
                    StackSettings.fromEnvironment(System.getenv()), System.out, System.err));
            case "-h", "--help", "help" -> System.out.print(Usage.TEXT);
            case "tail" -> {
                // Records on stdout, nothing else: logs to stderr, and only errors.
                System.setProperty("ddb.log.target", "System.err");
                System.setProperty("ddb.log.level", "ERROR");
                System.exit(TailCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out, System.err));
            }
            default -> {
                System.err.println("Unknown command: " + command);
                System.err.print(Usage.TEXT);
                System.exit(2);
            }
        }
    }
}
