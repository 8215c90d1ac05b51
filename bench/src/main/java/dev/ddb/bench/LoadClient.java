package dev.ddb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which client generates the load ({@code --client}): the AWS SDK for Java v2 async client, as users'
 * applications do, or the raw HTTP/1.1 load generator ({@link RawHttpLoad}), which costs far less CPU
 * per request, as wrk does, so that on a small machine the server rather than the client sets the pace.
 */
enum LoadClient {
    SDK("sdk", "AWS SDK for Java v2 async (Netty)"),
    RAW("raw", "raw HTTP/1.1 (one NIO selector thread, keep-alive connections, SigV4 per request)");

    private final String id;
    private final String description;

    LoadClient(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    /** sdk, raw or both. */
    static List<LoadClient> parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "sdk" -> List.of(SDK);
            case "raw" -> List.of(RAW);
            case "both" -> List.of(SDK, RAW);
            default -> throw new BenchOptions.UsageException("--client takes sdk, raw or both, not " + value);
        };
    }

    /** The workload as the report names it: with the client in brackets unless the SDK alone is used. */
    static String label(Workload workload, LoadClient client, List<LoadClient> clients) {
        return clients.equals(List.of(SDK)) ? workload.title() : workload.title() + " [" + client.id + "]";
    }

    static List<String> ids(List<LoadClient> clients) {
        List<String> ids = new ArrayList<>();
        clients.forEach(c -> ids.add(c.id));
        return ids;
    }
}
