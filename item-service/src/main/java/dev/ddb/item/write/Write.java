package dev.ddb.item.write;

import dev.ddb.common.table.TableDescription;

/**
 * One item's write in a write set: the table, the item's encoded primary key and the update
 * (which checks the write's own condition).
 *
 * @param userIdentity the principal recorded on the change (TTL deletes), or null for a user's write
 */
public record Write(TableDescription table, byte[] key, ItemUpdate update, String userIdentity) {

    public Write(TableDescription table, byte[] key, ItemUpdate update) {
        this(table, key, update, null);
    }
}
