package dev.ddb.standalone.tail;

import java.util.Map;

/**
 * The arguments of {@code tail <topic> [--from-end] [--bootstrap-servers HOST:PORT] [--max-records N]}.
 * Bootstrap servers default to the stack's own: KAFKA_BOOTSTRAP_SERVERS if set, else localhost:DDB_KAFKA_PORT.
 */
record TailOptions(String topic, String bootstrapServers, boolean fromEnd, long maxRecords) {

    static TailOptions parse(String[] args, Map<String, String> env) {
        String topic = null;
        String bootstrapServers = null;
        boolean fromEnd = false;
        long maxRecords = Long.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from-end" -> fromEnd = true;
                case "--from-beginning" -> fromEnd = false;
                case "--bootstrap-servers" -> bootstrapServers = value(args, ++i, "--bootstrap-servers");
                case "--max-records" -> maxRecords = Long.parseLong(value(args, ++i, "--max-records"));
                default -> {
                    if (args[i].startsWith("-") || topic != null) {
                        throw new IllegalArgumentException("Unexpected argument: " + args[i]);
                    }
                    topic = args[i];
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("Name the topic, e.g. tail ddb.stream.Music");
        }
        return new TailOptions(topic, bootstrapServers != null ? bootstrapServers : defaultBootstrapServers(env),
                fromEnd, maxRecords);
    }

    private static String defaultBootstrapServers(Map<String, String> env) {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external.trim();
        }
        String port = env.get("DDB_KAFKA_PORT");
        return "localhost:" + (port == null || port.isBlank() ? "9092" : port.trim());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
