package dev.ddb.backup.restore;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.ddb.common.json.Json;
import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.LocalSecondaryIndex;
import dev.ddb.common.table.Projection;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CreateTable request of a restored table: the backed-up table's keys, indexes and billing
 * mode / throughput, with RestoreTableFromBackup's overrides applied (BillingModeOverride,
 * ProvisionedThroughputOverride, GlobalSecondaryIndexOverride, LocalSecondaryIndexOverride
 * replace what the backup has). As in DynamoDB, stream settings, Time to Live, tags and deletion
 * protection are not restored. table-service validates it as any CreateTable, so an override that
 * does not fit gets CreateTable's ValidationException. SSESpecificationOverride becomes the new
 * table's SSESpecification (checked by CreateTable's rules); without it the restored table has the
 * default AWS owned key, whatever the source had, as a restore through AWS Backup does (our reading:
 * DynamoDB's reference does not say). Either way its data is encrypted under the suite's master key.
 */
public final class RestoreRequests {

    private RestoreRequests() {
    }

    public static ObjectNode createTable(String targetTableName, TableDescription source, ObjectNode restore) {
        ObjectNode request = Json.object().put("TableName", targetTableName);
        JsonNode billingOverride = restore.get("BillingModeOverride");
        String billingMode = present(billingOverride) ? billingOverride.stringValue() : source.billingMode().name();
        boolean provisioned = billingMode.equals("PROVISIONED");
        request.put("BillingMode", billingMode);

        ObjectNode tableThroughput = null;
        JsonNode throughputOverride = restore.get("ProvisionedThroughputOverride");
        if (present(throughputOverride)) {
            tableThroughput = (ObjectNode) throughputOverride.deepCopy();
        } else if (provisioned && !source.payPerRequest()) {
            tableThroughput = throughput(source.provisionedThroughput().readCapacityUnits(),
                    source.provisionedThroughput().writeCapacityUnits());
        }
        if (tableThroughput != null) {
            request.set("ProvisionedThroughput", tableThroughput);
        }
        request.set("KeySchema", TableDescriptionJson.keySchema(source.keySchema()));

        JsonNode localOverride = restore.get("LocalSecondaryIndexOverride");
        ArrayNode locals = present(localOverride) ? (ArrayNode) localOverride.deepCopy() : Json.array();
        if (!present(localOverride)) {
            for (LocalSecondaryIndex index : source.localSecondaryIndexes()) {
                ObjectNode local = locals.addObject().put("IndexName", index.indexName());
                local.set("KeySchema", TableDescriptionJson.keySchema(index.keySchema()));
                local.set("Projection", projection(index.projection()));
            }
        }
        JsonNode globalOverride = restore.get("GlobalSecondaryIndexOverride");
        ArrayNode globals = present(globalOverride) ? (ArrayNode) globalOverride.deepCopy() : Json.array();
        if (!present(globalOverride)) {
            for (GlobalSecondaryIndex index : source.globalSecondaryIndexes()) {
                ObjectNode global = globals.addObject().put("IndexName", index.indexName());
                global.set("KeySchema", TableDescriptionJson.keySchema(index.keySchema()));
                global.set("Projection", projection(index.projection()));
                if (provisioned) {
                    // the index's own throughput when the backed-up table had one, else the table's
                    ObjectNode indexThroughput = source.payPerRequest() || index.provisionedThroughput() == null
                            ? tableThroughput
                            : throughput(index.provisionedThroughput().readCapacityUnits(),
                                    index.provisionedThroughput().writeCapacityUnits());
                    if (indexThroughput != null) {
                        global.set("ProvisionedThroughput", indexThroughput.deepCopy());
                    }
                }
            }
        }
        if (!locals.isEmpty()) {
            request.set("LocalSecondaryIndexes", locals);
        }
        if (!globals.isEmpty()) {
            request.set("GlobalSecondaryIndexes", globals);
        }
        request.set("AttributeDefinitions", definitions(source, request));
        JsonNode sseOverride = restore.get("SSESpecificationOverride");
        if (present(sseOverride)) {
            request.set("SSESpecification", sseOverride.deepCopy());
        }
        return request;
    }

    /** The backed-up table's definitions of the attributes the new table's keys and indexes use. */
    private static ArrayNode definitions(TableDescription source, ObjectNode request) {
        Set<String> used = new LinkedHashSet<>();
        request.path("KeySchema").forEach(element -> used.add(element.path("AttributeName").stringValue()));
        for (String indexes : new String[] {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            request.path(indexes).forEach(index -> index.path("KeySchema")
                    .forEach(element -> used.add(element.path("AttributeName").stringValue())));
        }
        ArrayNode definitions = Json.array();
        for (AttributeDefinition definition : source.attributeDefinitions()) {
            if (used.contains(definition.attributeName())) {
                definitions.addObject().put("AttributeName", definition.attributeName())
                        .put("AttributeType", definition.attributeType().name());
            }
        }
        return definitions;
    }

    private static ObjectNode projection(Projection projection) {
        ObjectNode node = Json.object().put("ProjectionType", projection.projectionType().name());
        if (!projection.nonKeyAttributes().isEmpty()) {
            ArrayNode attributes = node.putArray("NonKeyAttributes");
            projection.nonKeyAttributes().forEach(attributes::add);
        }
        return node;
    }

    private static ObjectNode throughput(long read, long write) {
        return Json.object().put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
