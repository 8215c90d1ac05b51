package dev.ddb.item.api;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.TableDescription;
import dev.ddb.item.bulk.ItemLoad;
import dev.ddb.item.bulk.SnapshotLines;
import dev.ddb.item.storage.ItemStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Internal, for backup-service: a table's items as of one snapshot (a backup), and the loading of
 * a table a restore created. Both speak newline-delimited JSON, one {@code {"Item":{...}}} per line.
 */
@RestController
@RequestMapping("/internal/tables/{tableName}/items")
class TableItemsController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final ItemStore store;
    private final ItemLoad load;

    TableItemsController(ItemStore store, ItemLoad load) {
        this.store = store;
        this.load = load;
    }

    /**
     * Every item of the table as of the moment of the request (one snapshot: no write set half in
     * it), streamed, ending with {@code {"ItemCount":n}}; 404 when there is no such ACTIVE table.
     * Header {@code X-Ddb-Table-Id}: the table's id, so the caller knows which table it read;
     * {@code X-Ddb-Sequence}: the last change sequence the snapshot holds (point-in-time recovery
     * replays archived changes after it).
     */
    @GetMapping(produces = "application/x-ndjson")
    Mono<ResponseEntity<Flux<DataBuffer>>> snapshot(@PathVariable String tableName,
                                                    @RequestParam(required = false) String region) {
        return Mono.fromCallable(() -> {
            TableDescription table = store.schema(Regions.tableKey(region, tableName));
            if (table == null || table.restoreInProgress()) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).<Flux<DataBuffer>>build();
            }
            ItemStore.SequencedSnapshot snapshot = store.sequencedSnapshot(table);
            SnapshotLines lines = new SnapshotLines(snapshot.snapshot());
            Flux<DataBuffer> body = Flux.<DataBuffer>generate(sink -> {
                byte[] block = lines.nextBlock();
                if (block == null) {
                    sink.complete();
                } else {
                    sink.next(DefaultDataBufferFactory.sharedInstance.wrap(block));
                }
            }).subscribeOn(Schedulers.boundedElastic());
            return ResponseEntity.ok().contentType(NDJSON).header("X-Ddb-Table-Id", table.tableId())
                    .header("X-Ddb-Sequence", Long.toString(snapshot.sequence())).body(body);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Puts the items of the body into the table with TableId {@code tableId}, which must be being
     * restored; answers {@code {"Loaded":n,"Refused":m}}, 404 when that table is not being restored,
     * 409 when its restore has finished (a resumed restore's retry after item-service finished it).
     */
    @PostMapping(produces = "application/json")
    Mono<ResponseEntity<byte[]>> load(@PathVariable String tableName, @RequestParam(required = false) String region,
                                      @RequestParam String tableId, @RequestBody byte[] lines) {
        return Mono.fromCallable(() -> {
            try {
                ItemLoad.Loaded loaded = load.load(Regions.tableKey(region, tableName), tableId, lines);
                return ResponseEntity.ok(Json.write(Json.object().put("Loaded", loaded.items()).put("Refused", loaded.refused())));
            } catch (ItemLoad.AlreadyRestored e) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(Json.write(Json.object().put("message", e.getMessage())));
            } catch (DynamoDbException e) {
                HttpStatus status = e.code().equals("ResourceNotFoundException") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
                return ResponseEntity.status(status).body(Json.write(Json.object().put("message", e.getMessage())));
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
