package dev.ddb.item.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.json.Json;
import dev.ddb.item.storage.ItemStore;
import dev.ddb.item.table.TableSchema;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Internal: table-service provisions and drops a table's item storage here, synchronously, so
 * a table is usable the moment CreateTable answers.
 */
@RestController
@RequestMapping("/internal/tables")
class TableStorageController {

    private final ItemStore store;

    TableStorageController(ItemStore store) {
        this.store = store;
    }

    /** Body: the TableDescription (with TableId) of the new table. Idempotent. */
    @PostMapping
    Mono<ResponseEntity<Void>> create(@RequestBody byte[] description) {
        return Mono.fromRunnable(() -> store.createTable(TableSchema.fromDescription(Json.read(description))))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/{tableName}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String tableName) {
        return Mono.fromRunnable(() -> store.deleteTable(tableName))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(ResponseEntity.noContent().build());
    }
}
