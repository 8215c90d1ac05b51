package dev.ddb.standalone;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.encryption.MasterKeyException;

/** Starts the stack, says where it is, and stops it on Ctrl-C (or any normal JVM exit). */
final class StackCommand {

    private static final Logger LOG = LoggerFactory.getLogger(StackCommand.class);
    private static final int RECOMMENDED_INITIAL_MIB = 96;
    /** The heap settings of the README's start command. */
    private static final String RECOMMENDED_HEAP = "-Xms" + RECOMMENDED_INITIAL_MIB + "m -Xmx512m";

    private StackCommand() {
    }

    static void run(StackSettings settings) {
        long started = System.nanoTime();
        LOG.info("Starting: embedded Kafka, then item-, table-, stream-, backup- and gateway-service (data in {})",
                settings.dataDir().toAbsolutePath().normalize());
        logHeap();
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (LocalStack.PortInUseException | MasterKeyException e) {
            LOG.error(e.getMessage());
            System.exit(1);
            return;
        }
        HeapHeadroom.apply();
        Optional<IdleMemoryReturn> memoryReturn = IdleMemoryReturn.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            memoryReturn.ifPresent(IdleMemoryReturn::close);
            stack.close();
            LOG.info("Stopped");
        }, "ddb-shutdown"));
        LOG.info("DynamoDB endpoint ready on {} (Kafka at {}) in {} s; Ctrl-C stops", stack.endpoints(),
                stack.kafkaBootstrapServers(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
        LOG.info("Metrics (Prometheus, names after DynamoDB's CloudWatch metrics): {}", String.join(", ", stack.metricsUrls().values()));
        LOG.info("Web console on {}/console", stack.gatewayUrl());
        stack.gatewayCertificatePem().ifPresent(pem -> LOG.info(
                "HTTPS uses a self-signed certificate: trust {} (aws --ca-bundle, AWS_CA_BUNDLE, boto3 verify=)", pem));
    }

    /**
     * java -jar cannot set its own heap: without -Xmx the JVM takes a quarter of the machine's memory,
     * and without -Xms it starts at 1/64 of it (up to -Xmx) and never shrinks below that, so the
     * memory the stack gives back when idle ({@link IdleMemoryReturn}) stays with the heap.
     */
    private static void logHeap() {
        long maxMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long initialMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit() / (1024 * 1024);
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean maxGiven = jvmArguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAM="));
        boolean initialGiven = jvmArguments.stream().anyMatch(a -> a.startsWith("-Xms") || a.startsWith("-XX:InitialHeapSize")
                || a.startsWith("-XX:InitialRAMPercentage"));
        if (!maxGiven) {
            LOG.info("Maximum heap {} MiB, the JVM's default; set it with java {} -jar ... (or JAVA_TOOL_OPTIONS)",
                    maxMiB, RECOMMENDED_HEAP);
        } else if (!initialGiven && initialMiB > RECOMMENDED_INITIAL_MIB) {
            LOG.info("Maximum heap {} MiB, initial {} MiB (the JVM's default, which the heap never shrinks below);"
                    + " java {} -jar ... lets it give memory back when idle", maxMiB, initialMiB, RECOMMENDED_HEAP);
        } else {
            LOG.info("Maximum heap {} MiB", maxMiB);
        }
    }
}
