package dev.ddb.table.update;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.metadata.SecondaryIndexDescriptions;
import dev.ddb.table.request.AttributeDefinition;
import dev.ddb.table.request.SecondaryIndex;
import dev.ddb.table.validation.OnDemandThroughputRules;
import dev.ddb.table.validation.SecondaryIndexRules;

/**
 * The Create action of GlobalSecondaryIndexUpdates: checks the new index against the table and
 * the request's AttributeDefinitions (which need only name the new key attributes), then adds it
 * CREATING and Backfilling; item-service builds it from the table's items and reports it ACTIVE.
 */
final class GlobalSecondaryIndexCreation {

    static final int MAX_GLOBAL_INDEXES = 20;

    private GlobalSecondaryIndexCreation() {
    }

    static TableDescription apply(TableDescription table, SecondaryIndex create,
                                  List<AttributeDefinition> attributeDefinitions, boolean payPerRequest) {
        String indexName = create.indexName();
        // Checked first: DynamoDB answers this before looking at the new index's definition.
        if (SecondaryIndexDescriptions.exists(table, indexName)) {
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
        OnDemandThroughputRules.forNewIndex(indexName, create.onDemandThroughput(), payPerRequest);
        if (table.globalSecondaryIndexes().size() >= MAX_GLOBAL_INDEXES) {
            throw DynamoDbException.limitExceeded("Subscriber limit exceeded: Number of global secondary indexes exceeds "
                    + "per-table limit of " + MAX_GLOBAL_INDEXES);
        }
        List<String> nonKeyAttributes = create.projection().nonKeyAttributes();
        SecondaryIndexRules.projectedAttributesWithinLimit(SecondaryIndexDescriptions.projectedAttributes(table)
                + (nonKeyAttributes == null ? 0 : nonKeyAttributes.size()));

        List<dev.ddb.common.table.AttributeDefinition> definitions = defineKeyAttributes(table, keys, attributeDefinitions);
        GlobalSecondaryIndex index = SecondaryIndexDescriptions.global(create, definitions, table.tableArn(),
                IndexStatus.CREATING, true, payPerRequest ? null : create.provisionedThroughput())
                .withOnDemandThroughput(payPerRequest ? SecondaryIndexDescriptions.maximums(create.onDemandThroughput()) : null);
        return SecondaryIndexDescriptions.withNewGlobal(table, definitions, index);
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

    /**
     * The table's definitions plus the new key attributes it does not define yet; other entries of
     * the request are ignored, as DynamoDB ignores them.
     */
    private static List<dev.ddb.common.table.AttributeDefinition> defineKeyAttributes(TableDescription table,
            List<String> keys, List<AttributeDefinition> requested) {
        List<dev.ddb.common.table.AttributeDefinition> definitions = new ArrayList<>(table.attributeDefinitions());
        for (String key : keys) {
            if (definitions.stream().noneMatch(defined -> defined.attributeName().equals(key))) {
                AttributeDefinition definition = requested.stream()
                        .filter(candidate -> candidate.attributeName().equals(key)).findFirst().orElseThrow();
                definitions.add(SecondaryIndexDescriptions.definition(definition));
            }
        }
        return definitions;
    }
}
