package dev.ddb.standalone;

import java.util.Arrays;

import dev.ddb.standalone.tail.TailCommand;

/**
 * {@code java -jar ddb-standalone.jar [tail <topic> | kafka | --help]}: with no arguments the whole stack on
 * this machine, like DynamoDB Local, with a real Kafka broker (settings from environment variables,
 * see {@link Usage}). No logger here: the tail subcommand must choose where logs go before Logback
 * reads its configuration.
 */
public final class StandaloneLauncher {

    private StandaloneLauncher() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "" -> StackCommand.run(StackSettings.fromEnvironment(System.getenv()));
            case "kafka" -> KafkaCommand.run(StackSettings.fromEnvironment(System.getenv()));
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
