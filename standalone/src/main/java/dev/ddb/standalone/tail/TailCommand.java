package dev.ddb.standalone.tail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code tail <topic>}: prints every record of a topic as one line of JSON, like
 * kafka-console-consumer but with nothing to install. It joins no consumer group (it assigns
 * itself every partition), so it leaves nothing behind in the broker, and reads read_committed:
 * stream-service writes stream records in transactions, and an aborted copy must not show.
 */
public final class TailCommand implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);

    private final TailOptions options;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private TailCommand(TailOptions options) {
        this.options = options;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Asking for a topic that does not exist yet must not create it (a stream topic needs its 4 partitions).
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ddb-tail");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The subcommand: 0 after --max-records records or Ctrl-C, 2 for bad arguments. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        TailOptions options;
        try {
            options = TailOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: tail <topic> [--from-end] [--bootstrap-servers HOST:PORT] [--max-records N]");
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (TailCommand tail = new TailCommand(options)) {
            // Ctrl-C: end the loop and let it close the consumer (main then blocks in System.exit until this hook ends).
            Thread onCtrlC = new Thread(() -> {
                tail.stop();
                try {
                    closed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ddb-tail-stop");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            err.println("Reading " + options.topic() + " from " + options.bootstrapServers()
                    + (options.fromEnd() ? ", new records only" : ", from the beginning") + "; Ctrl-C stops");
            tail.printRecords(out, err);
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /** Prints records until --max-records is reached or {@link #stop()} is called. */
    void printRecords(PrintStream out, PrintStream err) {
        long printed = 0;
        try {
            awaitTopic(err);
            while (!stopped.get() && printed < options.maxRecords()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    out.println(TailLine.of(record));
                    if (++printed >= options.maxRecords()) {
                        break;
                    }
                }
                out.flush();
            }
        } catch (WakeupException stopping) {
            // stop() was called
        }
    }

    /** Assigns every partition once the topic exists, at its beginning or its end. */
    private void awaitTopic(PrintStream err) {
        boolean told = false;
        boolean toldUnreachable = false;
        while (!stopped.get()) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(options.topic(), METADATA_TIMEOUT);
            } catch (TimeoutException unreachable) {
                if (!toldUnreachable) {
                    err.println("Kafka at " + options.bootstrapServers() + " does not answer; still trying"
                            + " (is the stack running? --bootstrap-servers names another Kafka)");
                    toldUnreachable = true;
                }
                continue;
            }
            if (partitions != null && !partitions.isEmpty()) {
                List<TopicPartition> assigned = partitions.stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(assigned);
                if (options.fromEnd()) {
                    consumer.seekToEnd(assigned);
                } else {
                    consumer.seekToBeginning(assigned);
                }
                return;
            }
            if (!told) {
                err.println("Topic " + options.topic() + " does not exist yet; waiting for it"
                        + " (stream-service creates ddb.stream.<TableName> when the table's stream is enabled)");
                told = true;
            }
            sleep(1_000);
        }
    }

    /** Ends {@link #printRecords} from another thread. */
    void stop() {
        stopped.set(true);
        consumer.wakeup();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.set(true);
        }
    }

    @Override
    public void close() {
        // No group to leave and nothing to commit: nothing worth waiting for.
        consumer.close(CloseOptions.timeout(Duration.ZERO));
    }
}
