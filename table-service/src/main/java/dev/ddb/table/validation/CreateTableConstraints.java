package dev.ddb.table.validation;

import java.util.List;

import dev.ddb.table.request.AttributeDefinition;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.KeySchemaElement;
import dev.ddb.table.request.Projection;
import dev.ddb.table.request.ProvisionedThroughput;
import dev.ddb.table.request.SecondaryIndex;
import dev.ddb.table.request.StreamSpecification;

/**
 * The member constraints of CreateTable from DynamoDB's API model, reported together as one
 * ValidationException, in the order DynamoDB lists them.
 */
final class CreateTableConstraints {

    private static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    private static final List<String> KEY_TYPES = List.of(KeySchemaElement.HASH, KeySchemaElement.RANGE);
    static final List<String> BILLING_MODES =
            List.of(CreateTableRequest.PROVISIONED, CreateTableRequest.PAY_PER_REQUEST);
    private static final List<String> PROJECTION_TYPES = List.of("ALL", "INCLUDE", "KEYS_ONLY");
    static final List<String> STREAM_VIEW_TYPES =
            List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");

    private final ConstraintViolations violations = new ConstraintViolations();

    private CreateTableConstraints() {
    }

    static void check(CreateTableRequest request) {
        new CreateTableConstraints().checkAll(request);
    }

    private void checkAll(CreateTableRequest request) {
        attributeDefinitions(request.attributeDefinitions());
        violations.pattern("tableName", request.tableName(), TableNames.PATTERN);
        throughput("provisionedThroughput", request.provisionedThroughput());
        keySchema("keySchema", request.keySchema(), true);
        indexes("localSecondaryIndexes", request.localSecondaryIndexes());
        indexes("globalSecondaryIndexes", request.globalSecondaryIndexes());
        violations.oneOf("billingMode", request.billingMode(), BILLING_MODES);
        stream(request.streamSpecification());
        violations.throwIfAny();
    }

    private void attributeDefinitions(List<AttributeDefinition> definitions) {
        if (!violations.notNull("attributeDefinitions", definitions)) {
            return;
        }
        for (int i = 0; i < definitions.size(); i++) {
            String path = member("attributeDefinitions", i);
            AttributeDefinition definition = definitions.get(i);
            attributeName(path + ".attributeName", definition.attributeName());
            if (violations.notNull(path + ".attributeType", definition.attributeType())) {
                violations.oneOf(path + ".attributeType", definition.attributeType(), ATTRIBUTE_TYPES);
            }
        }
    }

    /** DynamoDB checks KeyType values of the table's key schema here, those of indexes later, by position. */
    private void keySchema(String path, List<KeySchemaElement> keySchema, boolean checkKeyTypes) {
        if (!violations.notNull(path, keySchema)) {
            return;
        }
        violations.length(path, keySchema, 1, 2);
        for (int i = 0; i < keySchema.size(); i++) {
            String elementPath = member(path, i);
            KeySchemaElement element = keySchema.get(i);
            attributeName(elementPath + ".attributeName", element.attributeName());
            if (violations.notNull(elementPath + ".keyType", element.keyType()) && checkKeyTypes) {
                violations.oneOf(elementPath + ".keyType", element.keyType(), KEY_TYPES);
            }
        }
    }

    private void indexes(String path, List<SecondaryIndex> indexes) {
        if (indexes == null) {
            return;
        }
        for (int i = 0; i < indexes.size(); i++) {
            String indexPath = member(path, i);
            SecondaryIndex index = indexes.get(i);
            if (violations.notNull(indexPath + ".indexName", index.indexName())) {
                TableNames.check(violations, indexPath + ".indexName", index.indexName());
            }
            keySchema(indexPath + ".keySchema", index.keySchema(), false);
            projection(indexPath + ".projection", index.projection());
            throughput(indexPath + ".provisionedThroughput", index.provisionedThroughput());
        }
    }

    private void projection(String path, Projection projection) {
        if (!violations.notNull(path, projection)) {
            return;
        }
        violations.oneOf(path + ".projectionType", projection.projectionType(), PROJECTION_TYPES);
        violations.length(path + ".nonKeyAttributes", projection.nonKeyAttributes(), 1, 20);
    }

    private void throughput(String path, ProvisionedThroughput throughput) {
        if (throughput == null) {
            return;
        }
        // DynamoDB lists writeCapacityUnits before readCapacityUnits.
        units(path + ".writeCapacityUnits", throughput.writeCapacityUnits());
        units(path + ".readCapacityUnits", throughput.readCapacityUnits());
    }

    private void units(String path, Long units) {
        if (violations.notNull(path, units)) {
            violations.atLeast(path, units, 1);
        }
    }

    private void stream(StreamSpecification stream) {
        if (stream == null) {
            return;
        }
        violations.notNull("streamSpecification.streamEnabled", stream.streamEnabled());
        violations.oneOf("streamSpecification.streamViewType", stream.streamViewType(), STREAM_VIEW_TYPES);
    }

    private void attributeName(String path, String name) {
        if (violations.notNull(path, name)) {
            violations.length(path, name, 1, 255);
        }
    }

    private static String member(String listPath, int index) {
        return listPath + "." + (index + 1) + ".member";
    }
}
