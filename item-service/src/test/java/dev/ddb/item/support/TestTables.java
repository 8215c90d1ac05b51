package dev.ddb.item.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableStatus;

/** Table descriptions for tests that need only a table's name, id and key. */
public final class TestTables {

    private TestTables() {
    }

    public static TableDescription table(String tableName, String tableId, KeySchema key) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        definitions.add(new AttributeDefinition(key.hashKey(), key.hashKeyType()));
        if (key.hasRangeKey()) {
            definitions.add(new AttributeDefinition(key.rangeKey(), key.rangeKeyType()));
        }
        return new TableDescription(tableName, tableId, "arn:aws:dynamodb:us-east-1:000000000000:table/" + tableName,
                TableStatus.ACTIVE, Instant.EPOCH, definitions, key, ProvisionedThroughputDescription.onDemand(), null,
                List.of(), List.of(), null, null, null, false, 0, 0, null);
    }
}
