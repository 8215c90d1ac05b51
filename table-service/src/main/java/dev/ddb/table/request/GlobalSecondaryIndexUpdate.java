package dev.ddb.table.request;

import tools.jackson.databind.JsonNode;

/**
 * One element of UpdateTable's GlobalSecondaryIndexUpdates, as sent (types and member constraints
 * already checked): DynamoDB wants exactly one of its three actions, which its validator checks.
 */
public record GlobalSecondaryIndexUpdate(SecondaryIndex create, UpdateGlobalSecondaryIndexAction update,
                                         DeleteGlobalSecondaryIndexAction delete) {

    static GlobalSecondaryIndexUpdate read(JsonNode element) {
        JsonNode node = RequestMembers.structureElement(element);
        JsonNode create = RequestMembers.structure(node, "Create");
        JsonNode update = RequestMembers.structure(node, "Update");
        JsonNode delete = RequestMembers.structure(node, "Delete");
        return new GlobalSecondaryIndexUpdate(
                create == null ? null : SecondaryIndex.readGlobal(create),
                update == null ? null : UpdateGlobalSecondaryIndexAction.read(update),
                delete == null ? null : new DeleteGlobalSecondaryIndexAction(RequestMembers.string(delete, "IndexName")));
    }

    /** How many of Create, Update and Delete the element holds. */
    public int actionCount() {
        return (create == null ? 0 : 1) + (update == null ? 0 : 1) + (delete == null ? 0 : 1);
    }

    /** Create and Delete are "online index" actions: DynamoDB runs one at a time per table. */
    public boolean createsOrDeletes() {
        return create != null || delete != null;
    }

    /** The index the (first) action names. */
    public String indexName() {
        if (update != null) {
            return update.indexName();
        }
        if (create != null) {
            return create.indexName();
        }
        return delete == null ? null : delete.indexName();
    }
}
