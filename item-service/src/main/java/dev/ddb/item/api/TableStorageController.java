package dev.ddb.item.api;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.json.Json;
import dev.ddb.common.region.Regions;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.SecondaryIndex;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.item.storage.IndexStatistics;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableProvisioning;
import dev.ddb.item.table.TableStatistics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Internal: table-service provisions and drops a table's item storage here, synchronously, so
 * a table is usable the moment CreateTable answers; it posts the table's description again when
 * indexes were added or removed, and reads the indexes' state and the table's statistics for DescribeTable.
 */
@RestController
@RequestMapping("/internal/tables")
class TableStorageController {

    private final ItemStore store;
    private final TableProvisioning provisioning;
    private final TableStatistics statistics;

    TableStorageController(ItemStore store, TableProvisioning provisioning, TableStatistics statistics) {
        this.store = store;
        this.provisioning = provisioning;
        this.statistics = statistics;
    }

    /** Body: the TableDescription (with TableId) of a new table, or of an existing one with changed indexes. Idempotent. */
    @PostMapping
    Mono<ResponseEntity<Void>> provision(@RequestBody byte[] description) {
        return Mono.fromRunnable(() -> provisioning.provision(TableDescriptionJson.read(Json.read(description))))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** {@code ?region=}: the table's region, when not the default one. */
    @DeleteMapping("/{tableName}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String tableName, @RequestParam(required = false) String region) {
        return Mono.fromRunnable(() -> provisioning.drop(Regions.tableKey(region, tableName)))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * The state of a table's indexes:
     * {@code {"Indexes":[{"IndexName","IndexStatus":"CREATING"|"ACTIVE","Backfilling","ItemCount","IndexSizeBytes"}]}}.
     */
    @GetMapping(value = "/{tableName}/indexes", produces = "application/json")
    Mono<ResponseEntity<byte[]>> indexes(@PathVariable String tableName, @RequestParam(required = false) String region) {
        return Mono.fromCallable(() -> Optional.ofNullable(store.schema(Regions.tableKey(region, tableName)))
                        .map(table -> ResponseEntity.ok(Json.write(describe(table))))
                        .orElseGet(() -> ResponseEntity.notFound().build()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * DescribeTable's statistics of a table:
     * {@code {"ItemCount","TableSizeBytes","Indexes":[{"IndexName","ItemCount","IndexSizeBytes"}]}} (see {@link TableStatistics}).
     */
    @GetMapping(value = "/{tableName}/statistics", produces = "application/json")
    Mono<ResponseEntity<byte[]>> statistics(@PathVariable String tableName, @RequestParam(required = false) String region) {
        return Mono.fromCallable(() -> Optional.ofNullable(store.schema(Regions.tableKey(region, tableName)))
                        .map(table -> ResponseEntity.ok(Json.write(statistics.describe(table))))
                        .orElseGet(() -> ResponseEntity.notFound().build()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ObjectNode describe(TableDescription table) {
        ObjectNode body = Json.object();
        ArrayNode indexes = body.putArray("Indexes");
        for (SecondaryIndex index : table.secondaryIndexes()) {
            IndexStatistics statistics = store.statistics(table, index);
            // A local index is built with its table; a global one is CREATING while backfilled.
            IndexStatus status = index instanceof GlobalSecondaryIndex global ? global.indexStatus() : IndexStatus.ACTIVE;
            boolean creating = status == IndexStatus.CREATING;
            indexes.addObject()
                    .put("IndexName", index.indexName())
                    .put("IndexStatus", status.name())
                    .put("Backfilling", creating)
                    .put("ItemCount", statistics.itemCount())
                    .put("IndexSizeBytes", statistics.sizeBytes());
        }
        return body;
    }
}
