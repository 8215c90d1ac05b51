package dev.ddb.item.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ddb.common.json.Json;
import dev.ddb.item.storage.ItemStore;
import reactor.core.publisher.Mono;

/**
 * Internal, for backup-service's point-in-time recovery: {@code GET /internal/change-log/position}
 * answers {@code {"Time":t,"Sequence":s}}, the time read first, then the last change sequence
 * assigned. Every write acknowledged at or before t has a sequence up to s (its sequence was
 * assigned before it was acknowledged), so a change log consumer that has seen every sequence up
 * to s has every change acknowledged by t.
 */
@RestController
class ChangeLogPositionController {

    private final ItemStore store;

    ChangeLogPositionController(ItemStore store) {
        this.store = store;
    }

    @GetMapping(value = "/internal/change-log/position", produces = "application/json")
    Mono<ResponseEntity<byte[]>> position() {
        return Mono.fromCallable(() -> {
            long time = System.currentTimeMillis();
            long sequence = store.lastSequence();
            return ResponseEntity.ok(Json.write(Json.object().put("Time", time).put("Sequence", sequence)));
        });
    }
}
