package dev.ddb.table.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.request.GlobalSecondaryIndexUpdate;
import dev.ddb.table.request.UpdateTableRequest;

/**
 * What UpdateTable's GlobalSecondaryIndexUpdates must satisfy on its own, before the table is
 * looked at: one action per element, one element per index, and an index created or deleted
 * alone rather than together with a capacity or stream change.
 */
final class GlobalSecondaryIndexUpdateRules {

    private GlobalSecondaryIndexUpdateRules() {
    }

    static void check(UpdateTableRequest request) {
        List<GlobalSecondaryIndexUpdate> updates = request.globalSecondaryIndexUpdates();
        if (updates == null) {
            return;
        }
        // Alone, an empty list reads as "no change"; next to another change it is refused itself.
        if (updates.isEmpty()) {
            throw DynamoDbException.invalidParameter("List of GlobalSecondaryIndexUpdates is empty");
        }
        Set<String> indexNames = new HashSet<>();
        for (GlobalSecondaryIndexUpdate update : updates) {
            if (update.actionCount() == 0) {
                throw DynamoDbException.invalidParameter("One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (update.actionCount() > 1) {
                throw DynamoDbException.invalidParameter(
                        "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
            }
            if (!indexNames.add(update.indexName())) {
                throw DynamoDbException.invalidParameter(
                        "Only one global secondary index update per index is allowed simultaneously. Index: " + update.indexName());
            }
            if (update.update() != null && update.update().unsupportedMember() != null) {
                throw DynamoDbException.invalidParameter("GlobalSecondaryIndexUpdate.Update."
                        + update.update().unsupportedMember() + " is not supported by this service yet");
            }
        }
        if (request.indexCreatesAndDeletes() > 0) {
            onlineIndexChangeAlone(request);
        }
    }

    private static void onlineIndexChangeAlone(UpdateTableRequest request) {
        if (request.provisionedThroughput() != null) {
            throw DynamoDbException.invalidParameter("You cannot create or delete index while updating table IOPS");
        }
        if (request.changesStream()) {
            throw DynamoDbException.invalidParameter("You cannot create or delete index while changing stream status");
        }
    }
}
