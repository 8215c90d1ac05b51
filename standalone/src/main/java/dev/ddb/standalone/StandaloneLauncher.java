package dev.ddb.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar standalone/target/ddb-standalone.jar}: the whole stack on this machine, like
 * DynamoDB Local, with a real Kafka broker. Settings come from environment variables (see README).
 */
public final class StandaloneLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneLauncher.class);

    private StandaloneLauncher() {
    }

    public static void main(String[] args) {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (LocalStack.PortInUseException e) {
            LOG.error(e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            stack.close();
        }, "ddb-shutdown"));
        LOG.info("DynamoDB endpoint ready on {} (Kafka at {}, data in {})", stack.gatewayUrl(),
                stack.kafkaBootstrapServers(), settings.dataDir().toAbsolutePath().normalize());
    }
}
