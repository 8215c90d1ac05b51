package dev.ddb.table.api;

import java.time.Instant;
import java.util.concurrent.Callable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.protocol.AwsJsonProtocol;
import dev.ddb.common.protocol.RequestContext;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.RestoreSummary;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.table.metadata.TableMetadataStore;
import dev.ddb.table.restore.RestoredTables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Internal, for backup-service: a table's full stored description (with TTL and tags, which
 * DescribeTable does not show), and the life of tables restores create ({@link RestoredTables}).
 * {@code ?region=}: the table's region when not the default one. Errors are DynamoDB's JSON error
 * bodies ({@code __type}, {@code message}), for backup-service to pass on.
 */
@RestController
class InternalTablesController {

    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    private final TableMetadataStore store;
    private final RestoredTables restoredTables;

    InternalTablesController(TableMetadataStore store, RestoredTables restoredTables) {
        this.store = store;
        this.restoredTables = restoredTables;
    }

    /** The table as stored ({@link TableDescriptionJson#writeStored}), or 404. */
    @GetMapping(value = "/internal/tables/{tableName}", produces = "application/json")
    Mono<ResponseEntity<byte[]>> table(@PathVariable String tableName, @RequestParam(required = false) String region) {
        return blocking(() -> store.find(Regions.tableKey(region, tableName))
                .map(table -> ResponseEntity.ok().contentType(JSON).body(TableDescriptionJson.toBytes(table)))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    /**
     * Creates a restored table, CREATING. Body: {@code {"CreateTable":<a CreateTable request>,
     * "RestoreSummary":{"SourceBackupArn","SourceTableArn","RestoreDateTime"}}}; answers the stored table.
     */
    @PostMapping(value = "/internal/restored-tables", produces = "application/json")
    Mono<ResponseEntity<byte[]>> create(@RequestParam(required = false) String region, @RequestBody byte[] body) {
        return blocking(() -> {
            JsonNode request = Json.read(body);
            JsonNode summary = request.path("RestoreSummary");
            RestoreSummary restore = new RestoreSummary(text(summary, "SourceBackupArn"), text(summary, "SourceTableArn"),
                    Instant.ofEpochMilli(summary.path("RestoreDateTimeMillis").longValue(System.currentTimeMillis())), true);
            TableDescription created = restoredTables.create(RequestContext.of(region),
                    (ObjectNode) request.get("CreateTable"), restore);
            return ResponseEntity.ok().contentType(JSON).body(TableDescriptionJson.toBytes(created));
        });
    }

    /** The restore loaded every item: the table becomes ACTIVE. */
    @PostMapping(value = "/internal/restored-tables/{tableName}/finish", produces = "application/json")
    Mono<ResponseEntity<byte[]>> finish(@PathVariable String tableName, @RequestParam(required = false) String region,
                                        @RequestParam String tableId) {
        return blocking(() -> ResponseEntity.ok().contentType(JSON)
                .body(TableDescriptionJson.toBytes(restoredTables.finish(Regions.tableKey(region, tableName), tableId))));
    }

    /** The restore failed: the table goes. */
    @DeleteMapping("/internal/restored-tables/{tableName}")
    Mono<ResponseEntity<byte[]>> abandon(@PathVariable String tableName, @RequestParam(required = false) String region,
                                         @RequestParam String tableId) {
        return blocking(() -> {
            restoredTables.abandon(Regions.tableKey(region, tableName), tableId);
            return ResponseEntity.noContent().build();
        });
    }

    private static Mono<ResponseEntity<byte[]>> blocking(Callable<ResponseEntity<byte[]>> call) {
        return Mono.fromCallable(() -> {
            try {
                return call.call();
            } catch (DynamoDbException e) {
                return ResponseEntity.status(e.status()).header(HttpHeaders.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE)
                        .body(AwsJsonProtocol.errorBody(e));
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.stringValue();
    }
}
