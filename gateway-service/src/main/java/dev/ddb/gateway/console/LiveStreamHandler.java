package dev.ddb.gateway.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.gateway.auth.AuthMode;
import dev.ddb.gateway.auth.AuthProperties;
import dev.ddb.gateway.console.StreamsCalls.ConsoleCallException;

/**
 * {@code GET /console/api/tables/{table}/stream}: the table's stream from now on, as server-sent
 * events: {@code ready} once every open shard has a LATEST iterator, then one {@code record} per
 * stream record (GetRecords' {@code Record} shape), or one {@code error} ({@code __type} and
 * {@code message}) and the end; {@code end} when the stream was disabled and its shards are read.
 *
 * <p>Fed by the DynamoDB Streams API (GetShardIterator LATEST, then GetRecords polling) through the
 * same forwarding as {@code POST /}, not by a Kafka consumer of {@code ddb.stream.<Table>}: the
 * gateway then needs no Kafka client and no broker address, works the same in-process and under
 * docker-compose, and shows exactly the records (and errors) an API user reading the stream gets.
 *
 * <p>Only in {@code open} mode: an EventSource cannot sign its request, so in {@code verify} mode
 * this endpoint would read any table's stream unauthenticated; there it answers AccessDeniedException
 * and the console polls the Streams API itself with signed calls.
 */
@Component
class LiveStreamHandler {

    /** How long a shard that had nothing new waits before asking again. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** A comment this often keeps proxies and the browser from closing an idle stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final StreamsCalls calls;
    private final boolean open;

    LiveStreamHandler(StreamsCalls calls, AuthProperties auth) {
        this.calls = calls;
        this.open = auth.mode() == AuthMode.OPEN;
    }

    Mono<ServerResponse> handle(ServerRequest request) {
        if (!open) {
            DynamoDbException denied = DynamoDbException.accessDenied(
                    "The console's live stream endpoint is unsigned and served only in open mode; "
                            + "read the stream with signed DynamoDB Streams calls");
            return ServerResponse.status(denied.status()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ConsoleCallException.of(denied).body());
        }
        String table = request.pathVariable("table");
        // "end" when every shard is closed and read to its end (the stream was disabled).
        Flux<ServerSentEvent<String>> events = watch(table)
                .concatWith(Mono.just(event("end", "{}")))
                .onErrorResume(ConsoleCallException.class, e -> Flux.just(event("error", e.body())));
        Flux<ServerSentEvent<String>> heartbeat = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
        return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .body(Flux.merge(events, heartbeat)
                        .takeUntil(event -> "error".equals(event.event()) || "end".equals(event.event())),
                        ServerSentEvent.class);
    }

    private Flux<ServerSentEvent<String>> watch(String table) {
        return calls.describeTable(table)
                .map(description -> streamArnOf(table, description.path("Table")))
                .flatMap(arn -> calls.describeStream(arn).map(stream -> new Stream(arn, openShards(stream))))
                .flatMapMany(stream -> Flux.fromIterable(stream.shardIds())
                        .concatMap(shard -> calls.latestShardIterator(stream.arn(), shard)
                                .map(answer -> answer.path("ShardIterator").asString()))
                        .collectList()
                        .flatMapMany(iterators -> Flux.concat(
                                Mono.just(event("ready", json(Json.object().put("StreamArn", stream.arn())
                                        .put("Shards", iterators.size())))),
                                Flux.merge(iterators.stream().map(this::records).toList()))));
    }

    /** One shard's records from its iterator on, for as long as the shard is open and someone listens. */
    private Flux<ServerSentEvent<String>> records(String firstIterator) {
        return calls.getRecords(firstIterator)
                .expand(page -> {
                    JsonNode next = page.get("NextShardIterator");
                    if (next == null || next.isNull()) {
                        return Mono.empty(); // a closed shard read to its end
                    }
                    Duration wait = page.path("Records").isEmpty() ? POLL_INTERVAL : Duration.ZERO;
                    return Mono.delay(wait).then(calls.getRecords(next.asString()));
                })
                .flatMapIterable(page -> page.path("Records"))
                .map(record -> ServerSentEvent.builder(json(record)).event("record")
                        .id(record.path("dynamodb").path("SequenceNumber").asString()).build());
    }

    private static String streamArnOf(String table, JsonNode description) {
        JsonNode enabled = description.path("StreamSpecification").path("StreamEnabled");
        JsonNode arn = description.get("LatestStreamArn");
        if (!enabled.asBoolean(false) || arn == null) {
            throw ConsoleCallException.of(DynamoDbException.validation("Table " + table + " has no stream enabled"));
        }
        return arn.asString();
    }

    private static List<String> openShards(JsonNode describeStream) {
        List<String> shards = new ArrayList<>();
        for (JsonNode shard : describeStream.path("StreamDescription").path("Shards")) {
            if (shard.path("SequenceNumberRange").get("EndingSequenceNumber") == null) {
                shards.add(shard.path("ShardId").asString());
            }
        }
        return shards;
    }

    private static ServerSentEvent<String> event(String name, String data) {
        return ServerSentEvent.builder(data).event(name).build();
    }

    private static String json(JsonNode node) {
        return new String(Json.write(node), StandardCharsets.UTF_8);
    }

    private record Stream(String arn, List<String> shardIds) {
    }
}
