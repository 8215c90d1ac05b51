package dev.ddb.table.validation;

import static dev.ddb.table.validation.SecondaryIndexRules.names;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.request.AttributeDefinition;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.KeySchemaElement;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.SecondaryIndex;
import dev.ddb.table.request.StreamSpecification;

/**
 * The rules CreateTable enforces once every member satisfies its constraints: billing mode and
 * capacity, key schemas against AttributeDefinitions, secondary indexes, streams. The first
 * broken rule is the answer, checked in DynamoDB's order: every key schema first, then whether
 * each attribute definition is used by one (which masks the index rules after it), then the
 * indexes' projections, names, capacity and counts.
 */
final class CreateTableRules {

    static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;
    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;

    private final CreateTableRequest request;
    private final List<String> definedAttributes;
    /** Index names seen so far: local and global indexes share one namespace. */
    private final Set<String> indexNames = new HashSet<>();

    private CreateTableRules(CreateTableRequest request) {
        this.request = request;
        this.definedAttributes = request.attributeDefinitions().stream().map(AttributeDefinition::attributeName).toList();
    }

    static void check(CreateTableRequest request) {
        new CreateTableRules(request).checkAll();
    }

    private void checkAll() {
        billing();
        uniqueDefinitions();
        tableKeySchema();
        localIndexKeySchemas();
        globalIndexKeySchemas();
        everyDefinitionUsed();
        localIndexes();
        globalIndexes();
        projectedAttributes();
        stream();
        SseSpecificationRules.check(request.sseSpecification());
    }

    private void billing() {
        ProvisionedThroughput throughput = request.provisionedThroughput();
        if (request.payPerRequest()) {
            if (throughput != null) {
                throw invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            OnDemandThroughputRules.forNewTable(request.onDemandThroughput(), true);
            return;
        }
        if (throughput == null) {
            throw invalid("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        withinBounds("ReadCapacityUnits", throughput.readCapacityUnits());
        withinBounds("WriteCapacityUnits", throughput.writeCapacityUnits());
        OnDemandThroughputRules.forNewTable(request.onDemandThroughput(), false);
    }

    private void uniqueDefinitions() {
        Set<String> seen = new HashSet<>();
        for (String name : definedAttributes) {
            if (!seen.add(name)) {
                throw DynamoDbException.validation("Attribute Name is duplicated: " + name);
            }
        }
    }

    private void tableKeySchema() {
        List<KeySchemaElement> keySchema = request.keySchema();
        List<String> keys = names(keySchema);
        boolean undefinedKey = !definedAttributes.containsAll(keys);
        if (keys.size() == 2 && (undefinedKey || keys.get(0).equals(keys.get(1)) && definedAttributes.size() == 1)) {
            // DynamoDB words this case differently from the one-key case below.
            throw DynamoDbException.validation("Invalid KeySchema: Some index key attribute have no definition");
        }
        if (undefinedKey) {
            throw SecondaryIndexRules.undefinedKeys(keys, definedAttributes);
        }
        SecondaryIndexRules.keyOrder(keySchema);
        if (!hasIndexes() && keys.size() != definedAttributes.size()) {
            throw invalid("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }

    /** A local index shares the table's partition key and sorts it by another attribute. */
    private void localIndexKeySchemas() {
        List<SecondaryIndex> indexes = request.localSecondaryIndexes();
        if (indexes == null) {
            return;
        }
        if (indexes.isEmpty()) {
            throw invalid("List of LocalSecondaryIndexes is empty");
        }
        if (request.keySchema().size() != 2) {
            throw invalid("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        String tableHashKey = request.keySchema().get(0).attributeName();
        for (SecondaryIndex index : indexes) {
            indexKeySchema(index);
            if (index.keySchema().size() != 2) {
                throw invalid("Index KeySchema does not have a range key for index: " + index.indexName());
            }
            String indexHashKey = index.keySchema().get(0).attributeName();
            if (!indexHashKey.equals(tableHashKey)) {
                throw invalid("Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                        + index.indexName() + ". index hash key: " + indexHashKey + ", table hash key: " + tableHashKey);
            }
        }
    }

    private void globalIndexKeySchemas() {
        List<SecondaryIndex> indexes = request.globalSecondaryIndexes();
        if (indexes == null) {
            return;
        }
        if (indexes.isEmpty()) {
            throw invalid("List of GlobalSecondaryIndexes is empty");
        }
        indexes.forEach(this::indexKeySchema);
    }

    private void indexKeySchema(SecondaryIndex index) {
        List<String> keys = names(index.keySchema());
        if (!definedAttributes.containsAll(keys)) {
            throw SecondaryIndexRules.undefinedKeys(keys, definedAttributes);
        }
        SecondaryIndexRules.keyOrder(index.keySchema());
    }

    /** With indexes, an attribute definition that no key schema uses is an error of its own. */
    private void everyDefinitionUsed() {
        if (!hasIndexes()) {
            return;
        }
        Set<String> used = new LinkedHashSet<>(names(request.keySchema()));
        allIndexes().forEach(index -> used.addAll(names(index.keySchema())));
        if (!used.containsAll(definedAttributes)) {
            throw invalid("Some AttributeDefinitions are not used. AttributeDefinitions: " + definedAttributes
                    + ", keys used: " + used);
        }
    }

    private void localIndexes() {
        List<SecondaryIndex> indexes = request.localSecondaryIndexes();
        if (indexes == null) {
            return;
        }
        for (SecondaryIndex index : indexes) {
            SecondaryIndexRules.projection(index.projection());
            uniqueName(index);
        }
        if (indexes.size() > MAX_LOCAL_INDEXES) {
            throw invalid("Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
        }
    }

    private void globalIndexes() {
        List<SecondaryIndex> indexes = request.globalSecondaryIndexes();
        if (indexes == null) {
            return;
        }
        for (SecondaryIndex index : indexes) {
            SecondaryIndexRules.projection(index.projection());
            indexThroughput(index);
            OnDemandThroughputRules.forNewIndex(index.indexName(), index.onDemandThroughput(), request.payPerRequest());
            uniqueName(index);
        }
        if (indexes.size() > MAX_GLOBAL_INDEXES) {
            throw invalid("GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
        }
    }

    private void uniqueName(SecondaryIndex index) {
        if (!indexNames.add(index.indexName())) {
            throw invalid("Duplicate index name: " + index.indexName());
        }
    }

    /** A global index has capacity of its own exactly when the table is PROVISIONED. */
    private void indexThroughput(SecondaryIndex index) {
        if (request.payPerRequest() && index.provisionedThroughput() != null) {
            throw invalid("ProvisionedThroughput should not be specified for index: " + index.indexName()
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        if (!request.payPerRequest() && index.provisionedThroughput() == null) {
            throw invalid("ProvisionedThroughput is not specified for index: " + index.indexName());
        }
    }

    private void projectedAttributes() {
        int projected = 0;
        for (SecondaryIndex index : allIndexes()) {
            List<String> nonKeyAttributes = index.projection().nonKeyAttributes();
            projected += nonKeyAttributes == null ? 0 : nonKeyAttributes.size();
        }
        SecondaryIndexRules.projectedAttributesWithinLimit(projected);
    }

    /** DynamoDB calls the view type "UpdateViewType" in these two messages. */
    private void stream() {
        StreamSpecification stream = request.streamSpecification();
        if (stream == null) {
            return;
        }
        if (stream.enabled() && stream.streamViewType() == null) {
            throw invalid("Table is being created with a stream enabled, UpdateViewType is required");
        }
        if (!stream.enabled() && stream.streamViewType() != null) {
            throw invalid("Table is being created with a stream disabled, UpdateViewType should not be specified");
        }
    }

    private boolean hasIndexes() {
        return request.localSecondaryIndexes() != null || request.globalSecondaryIndexes() != null;
    }

    private List<SecondaryIndex> allIndexes() {
        List<SecondaryIndex> all = new ArrayList<>();
        if (request.localSecondaryIndexes() != null) {
            all.addAll(request.localSecondaryIndexes());
        }
        if (request.globalSecondaryIndexes() != null) {
            all.addAll(request.globalSecondaryIndexes());
        }
        return all;
    }

    static void withinBounds(String name, long units) {
        if (units > MAX_CAPACITY_UNITS) {
            throw DynamoDbException.validation("Given value " + units + " for " + name + " is out of bounds");
        }
    }

    private static DynamoDbException invalid(String detail) {
        return DynamoDbException.invalidParameter(detail);
    }
}
