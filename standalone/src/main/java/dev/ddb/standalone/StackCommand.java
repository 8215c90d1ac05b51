package dev.ddb.standalone;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.common.encryption.MasterKeyException;

/** Starts the stack, says where it is, and stops it on Ctrl-C (or any normal JVM exit). */
final class StackCommand {

    private static final Logger LOG = LoggerFactory.getLogger(StackCommand.class);

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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
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

    /** java -jar cannot set its own heap; without -Xmx the JVM takes a quarter of the machine's memory. */
    private static void logHeap() {
        long maxMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        List<String> jvmArguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean heapGiven = jvmArguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAM="));
        if (heapGiven) {
            LOG.info("Maximum heap {} MiB", maxMiB);
        } else {
            LOG.info("Maximum heap {} MiB, the JVM's default; set it with java -Xmx512m -jar ... (or JAVA_TOOL_OPTIONS=-Xmx512m)", maxMiB);
        }
    }
}
