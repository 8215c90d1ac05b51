package dev.ddb.table.metadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.GlobalSecondaryIndex;
import dev.ddb.common.table.IndexStatus;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.LocalSecondaryIndex;
import dev.ddb.common.table.OnDemandThroughput;
import dev.ddb.common.table.Projection;
import dev.ddb.common.table.ProjectionType;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.table.request.KeySchemaElement;
import dev.ddb.table.request.OnDemandMaximums;
import dev.ddb.table.request.ProvisionedThroughput;

/**
 * The secondary indexes of a table: new ones from a (valid) request, and the changes to a table's
 * global indexes that CreateTable, UpdateTable and item-service's progress make.
 */
public final class SecondaryIndexDescriptions {

    private SecondaryIndexDescriptions() {
    }

    /** A new local index; {@code definitions} are the table's, which define its key attributes. */
    public static LocalSecondaryIndex local(dev.ddb.table.request.SecondaryIndex index,
                                            List<AttributeDefinition> definitions, String tableArn) {
        return new LocalSecondaryIndex(index.indexName(), keySchema(index.keySchema(), definitions),
                projection(index.projection()), 0, 0, TableArns.index(tableArn, index.indexName()));
    }

    /** A new global index; {@code throughput} null (on-demand) shows as 0/0, as DynamoDB shows it. */
    public static GlobalSecondaryIndex global(dev.ddb.table.request.SecondaryIndex index,
                                              List<AttributeDefinition> definitions, String tableArn,
                                              IndexStatus status, Boolean backfilling, ProvisionedThroughput throughput) {
        return new GlobalSecondaryIndex(index.indexName(), keySchema(index.keySchema(), definitions),
                projection(index.projection()), status, backfilling, ThroughputDescriptions.initial(throughput), 0, 0,
                TableArns.index(tableArn, index.indexName()));
    }

    /** Requested maximums of a new table or index (validated: each at least 1) as the model's; null for none. */
    public static OnDemandThroughput maximums(OnDemandMaximums requested) {
        return requested == null ? null
                : OnDemandThroughput.of(requested.maxReadRequestUnits(), requested.maxWriteRequestUnits());
    }

    /** A requested KeySchema (HASH first, validated) with its attributes' types from {@code definitions}. */
    public static KeySchema keySchema(List<KeySchemaElement> elements, List<AttributeDefinition> definitions) {
        String hash = elements.get(0).attributeName();
        String range = elements.size() > 1 ? elements.get(1).attributeName() : null;
        return new KeySchema(hash, type(hash, definitions), range, range == null ? null : type(range, definitions));
    }

    /** Requested AttributeDefinitions (types validated) as the model's. */
    public static List<AttributeDefinition> definitions(List<dev.ddb.table.request.AttributeDefinition> requested) {
        return requested.stream().map(SecondaryIndexDescriptions::definition).toList();
    }

    public static AttributeDefinition definition(dev.ddb.table.request.AttributeDefinition requested) {
        return new AttributeDefinition(requested.attributeName(), ScalarAttributeType.valueOf(requested.attributeType()));
    }

    private static ScalarAttributeType type(String attributeName, List<AttributeDefinition> definitions) {
        return definitions.stream().filter(definition -> definition.attributeName().equals(attributeName))
                .map(AttributeDefinition::attributeType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No AttributeDefinition for key attribute " + attributeName));
    }

    private static Projection projection(dev.ddb.table.request.Projection projection) {
        return new Projection(ProjectionType.valueOf(projection.projectionType()), projection.nonKeyAttributes());
    }

    /** Whether some global index is being created or deleted, which only item-service can finish. */
    public static boolean anyInTransition(TableDescription table) {
        return table.globalSecondaryIndexes().stream().anyMatch(index -> index.indexStatus() == IndexStatus.CREATING
                || index.indexStatus() == IndexStatus.DELETING);
    }

    /** The table with {@code index} in place of its global index of the same name. */
    public static TableDescription withGlobal(TableDescription table, GlobalSecondaryIndex index) {
        return table.withGlobalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                .map(existing -> existing.indexName().equals(index.indexName()) ? index : existing).toList());
    }

    /** The table with a new global index added last. */
    public static TableDescription withNewGlobal(TableDescription table, List<AttributeDefinition> definitions,
                                                 GlobalSecondaryIndex index) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>(table.globalSecondaryIndexes());
        indexes.add(index);
        return table.withIndexes(definitions, indexes);
    }

    /**
     * The table without these global indexes, and without the attribute definitions only they
     * used, as DynamoDB prunes them once a deleted index is gone.
     */
    public static TableDescription withoutGlobals(TableDescription table, Set<String> indexNames) {
        List<GlobalSecondaryIndex> kept = table.globalSecondaryIndexes().stream()
                .filter(index -> !indexNames.contains(index.indexName())).toList();
        Set<String> used = new HashSet<>();
        addKeyAttributes(used, table.keySchema());
        table.localSecondaryIndexes().forEach(index -> addKeyAttributes(used, index.keySchema()));
        kept.forEach(index -> addKeyAttributes(used, index.keySchema()));
        List<AttributeDefinition> definitions = table.attributeDefinitions().stream()
                .filter(definition -> used.contains(definition.attributeName())).toList();
        return table.withIndexes(definitions, kept);
    }

    /** NonKeyAttributes of every index of the table, counted as DynamoDB's limit counts them. */
    public static int projectedAttributes(TableDescription table) {
        return table.secondaryIndexes().stream().mapToInt(index -> index.projection().nonKeyAttributes().size()).sum();
    }

    private static void addKeyAttributes(Set<String> names, KeySchema key) {
        names.add(key.hashKey());
        if (key.hasRangeKey()) {
            names.add(key.rangeKey());
        }
    }

    /** Whether the table has an index, local or global, of that name. */
    public static boolean exists(TableDescription table, String indexName) {
        return table.index(indexName).isPresent();
    }

    public static boolean isLocal(TableDescription table, String indexName) {
        return table.index(indexName).filter(index -> !index.global()).isPresent();
    }
}
