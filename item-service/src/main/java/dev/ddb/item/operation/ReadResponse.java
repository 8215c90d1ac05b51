package dev.ddb.item.operation;

import java.util.Map;

import dev.ddb.common.attribute.AttributeValue;
import dev.ddb.common.attribute.AttributeValueJson;
import dev.ddb.common.json.Json;
import dev.ddb.item.expression.Projection;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The response of a Query or Scan page: Items (unless COUNT), Count, ScannedCount, LastEvaluatedKey, ConsumedCapacity. */
final class ReadResponse {

    private ReadResponse() {
    }

    static ObjectNode of(ReturnConsumedCapacity capacity, String tableName, ReadPage page, Select select,
                         Projection projection, boolean consistentRead) {
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
        ConsumedCapacity.report(capacity, response, tableName,
                ConsumedCapacity.readUnits((int) Math.min(Integer.MAX_VALUE, page.bytesRead()), consistentRead));
        return response;
    }
}
