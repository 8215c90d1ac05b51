package dev.ddb.standalone;

import java.util.Arrays;

import dev.ddb.standalone.tail.TailCommand;

/**
 * {@code java -jar ddb-standalone.jar [tail <topic> | kafka | rotate-key <new key file> | --help]}: with no arguments the whole stack on
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

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "" -> {
                fitEventLoopsToTheMachine();
                StackCommand.run(StackSettings.fromEnvironment(System.getenv()));
            }
            case "kafka" -> KafkaCommand.run(StackSettings.fromEnvironment(System.getenv()));
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
