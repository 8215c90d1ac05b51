package dev.ddb.standalone;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ddb.standalone.kafka.EmbeddedKafkaBroker;

/**
 * Only the embedded Kafka broker, for running the services as separate JVMs the way docker-compose
 * wires them (each service's own jar with {@code KAFKA_BOOTSTRAP_SERVERS}) on a machine without
 * Docker. Stops on Ctrl-C.
 */
final class KafkaCommand {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommand.class);

    private KafkaCommand() {
    }

    static void run(StackSettings settings) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize().resolve("kafka");
        PortCheck ports = new PortCheck();
        ports.expect(settings.kafkaPort(), "the embedded Kafka broker", "DDB_KAFKA_PORT");
        if (ports.takenMessage().isPresent()) {
            LOG.error(ports.takenMessage().get());
            System.exit(1);
        }
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, settings.kafkaPort(), 0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            broker.close();
            LOG.info("Stopped");
        }, "ddb-shutdown"));
        LOG.info("Kafka ready on {} in {} s (data in {}); Ctrl-C stops", broker.bootstrapServers(),
                String.format("%.1f", (System.nanoTime() - started) / 1e9), dataDir);
    }
}
