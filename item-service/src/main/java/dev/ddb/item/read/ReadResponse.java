package dev.ddb.item.read;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;
import dev.ddb.item.capacity.CapacityLimits;
import dev.ddb.item.capacity.CapacityUse;
import dev.ddb.item.capacity.ConsumedCapacity;
import dev.ddb.item.capacity.ReturnConsumedCapacity;
import dev.ddb.item.expression.Projection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The response of a Query or Scan page: Items (unless COUNT), Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity. */
public final class ReadResponse {

    private ReadResponse() {
    }

    /**
     * @param fetchedItems the read took the items from the table (a local index's unprojected
     *                     attributes): the table's read units are charged as well
     * @param limits       charged the units the page consumed
     */
    public static ObjectNode of(ReturnConsumedCapacity capacity, ReadTarget target, ReadPage page, Select select,
                                Projection projection, boolean consistentRead, boolean fetchedItems,
                                CapacityLimits limits) {
        ObjectNode response = Json.object();
        if (select != Select.COUNT) {
            ArrayNode items = response.putArray("Items");
            for (Map<String, AttributeValue> item : page.items()) {
                items.add(AttributeValueJson.writeItem(projection == null ? item : projection.project(item)));
            }
        }
        response.put("Count", page.items().size());
        response.put("ScannedCount", page.scannedCount());
        if (page.lastEvaluatedKey() != null) {
            response.set("LastEvaluatedKey", AttributeValueJson.writeItem(page.lastEvaluatedKey()));
        }
        double units = ConsumedCapacity.readUnits((int) Math.min(Integer.MAX_VALUE, page.bytesRead()), consistentRead);
        String tableName = target.table().tableName();
        CapacityUse use = target.onIndex()
                ? CapacityUse.ofIndex(tableName, target.index().indexName(), target.index().global(), units, fetchedItems ? units : 0)
                : CapacityUse.ofTable(tableName, units);
        limits.charge(target.table(), use, false);
        ConsumedCapacity.report(capacity, response, use);
        return response;
    }
}
