package dev.ddb.table.update;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.metadata.IndexStatus;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.request.AttributeDefinition;
import dev.ddb.table.request.SecondaryIndex;
import dev.ddb.table.validation.SecondaryIndexRules;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Create action of GlobalSecondaryIndexUpdates: checks the new index against the table and
 * the request's AttributeDefinitions (which need only name the new key attributes), then adds it
 * CREATING and Backfilling; item-service builds it from the table's items and reports it ACTIVE.
 */
final class GlobalSecondaryIndexCreation {

    static final int MAX_GLOBAL_INDEXES = 20;

    private GlobalSecondaryIndexCreation() {
    }

    static void apply(ObjectNode table, SecondaryIndex create, List<AttributeDefinition> attributeDefinitions,
                      boolean payPerRequest) {
        String indexName = create.indexName();
        // Checked first: DynamoDB answers this before looking at the new index's definition.
        if (SecondaryIndexDescriptions.findGlobal(table, indexName) != null
                || SecondaryIndexDescriptions.hasLocal(table, indexName)) {
            throw DynamoDbException.validation("Attempting to create an index which already exists");
        }
        if (attributeDefinitions == null) {
            throw DynamoDbException.invalidParameter("AttributeDefinitions is not specified for index: " + indexName);
        }
        List<String> defined = attributeDefinitions.stream().map(AttributeDefinition::attributeName).toList();
        List<String> keys = SecondaryIndexRules.names(create.keySchema());
        if (!defined.containsAll(keys)) {
            throw SecondaryIndexRules.undefinedKeys(keys, defined);
        }
        SecondaryIndexRules.keyOrder(create.keySchema());
        SecondaryIndexRules.projection(create.projection());
        throughput(create, payPerRequest);
        if (SecondaryIndexDescriptions.globalCount(table) >= MAX_GLOBAL_INDEXES) {
            throw DynamoDbException.limitExceeded("Subscriber limit exceeded: Number of global secondary indexes exceeds "
                    + "per-table limit of " + MAX_GLOBAL_INDEXES);
        }
        List<String> nonKeyAttributes = create.projection().nonKeyAttributes();
        SecondaryIndexRules.projectedAttributesWithinLimit(SecondaryIndexDescriptions.projectedAttributes(table)
                + (nonKeyAttributes == null ? 0 : nonKeyAttributes.size()));

        defineKeyAttributes(table, keys, attributeDefinitions);
        ObjectNode index = SecondaryIndexDescriptions.global(create, table.get("TableArn").stringValue(),
                IndexStatus.CREATING, payPerRequest ? null : create.provisionedThroughput());
        index.put("Backfilling", true);
        SecondaryIndexDescriptions.addGlobal(table, index);
    }

    private static void throughput(SecondaryIndex create, boolean payPerRequest) {
        if (payPerRequest && create.provisionedThroughput() != null) {
            throw DynamoDbException.invalidParameter("ProvisionedThroughput should not be specified for index: "
                    + create.indexName() + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!payPerRequest && create.provisionedThroughput() == null) {
            throw DynamoDbException.invalidParameter("Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: "
                    + create.indexName());
        }
    }

    /** Adds the new key attributes the table does not define yet; other entries of the request are ignored, as DynamoDB ignores them. */
    private static void defineKeyAttributes(ObjectNode table, List<String> keys, List<AttributeDefinition> requested) {
        ArrayNode definitions = (ArrayNode) table.get("AttributeDefinitions");
        Set<String> known = definitions.valueStream().map(definition -> definition.get("AttributeName").stringValue())
                .collect(Collectors.toSet());
        for (String key : keys) {
            if (known.add(key)) {
                AttributeDefinition definition = requested.stream()
                        .filter(candidate -> candidate.attributeName().equals(key)).findFirst().orElseThrow();
                definitions.addObject()
                        .put("AttributeName", definition.attributeName())
                        .put("AttributeType", definition.attributeType());
            }
        }
    }
}
