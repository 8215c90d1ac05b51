package dev.ddb.table.metadata;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.ddb.common.json.Json;
import dev.ddb.table.TableServiceProperties;
import dev.ddb.table.request.AttributeDefinition;
import dev.ddb.table.request.CreateTableRequest;
import dev.ddb.table.request.KeySchemaElement;
import dev.ddb.table.request.SecondaryIndex;
import dev.ddb.table.request.StreamSpecification;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the TableDescription of a new table from a valid CreateTable request, in DynamoDB's shape. */
@Component
public class TableDescriptionFactory {

    private final String region;
    private final Clock clock;

    @Autowired
    public TableDescriptionFactory(TableServiceProperties properties) {
        this(properties.region(), Clock.systemUTC());
    }

    TableDescriptionFactory(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
    }

    public ObjectNode newTable(CreateTableRequest request, TableStatus status) {
        // Epoch seconds with a fraction, as DynamoDB writes date-times.
        double now = clock.millis() / 1000.0;
        String tableArn = TableArns.table(region, request.tableName());
        boolean onDemand = request.payPerRequest();

        ObjectNode table = Json.object();
        ArrayNode definitions = table.putArray("AttributeDefinitions");
        for (AttributeDefinition definition : request.attributeDefinitions()) {
            definitions.addObject()
                    .put("AttributeName", definition.attributeName())
                    .put("AttributeType", definition.attributeType());
        }
        table.put("TableName", request.tableName());
        table.set("KeySchema", keySchema(request.keySchema()));
        table.put("TableStatus", status.name());
        table.put("CreationDateTime", now);
        table.set("ProvisionedThroughput", ThroughputDescriptions.initial(onDemand ? null : request.provisionedThroughput()));
        table.put("TableSizeBytes", 0);
        table.put("ItemCount", 0);
        table.put("TableArn", tableArn);
        table.put("TableId", UUID.randomUUID().toString());
        if (onDemand) {
            table.putObject("BillingModeSummary")
                    .put("BillingMode", CreateTableRequest.PAY_PER_REQUEST)
                    .put("LastUpdateToPayPerRequestDateTime", now);
        }
        if (request.localSecondaryIndexes() != null) {
            ArrayNode indexes = table.putArray(SecondaryIndexDescriptions.LOCAL);
            request.localSecondaryIndexes().forEach(index -> indexes.add(SecondaryIndexDescriptions.local(index, tableArn)));
        }
        if (request.globalSecondaryIndexes() != null) {
            ArrayNode indexes = table.putArray(SecondaryIndexDescriptions.GLOBAL);
            for (SecondaryIndex index : request.globalSecondaryIndexes()) {
                // Index creation is synchronous here, like the table's.
                indexes.add(SecondaryIndexDescriptions.global(index, tableArn, IndexStatus.ACTIVE,
                        onDemand ? null : index.provisionedThroughput()));
            }
        }
        StreamSpecification stream = request.streamSpecification();
        if (stream != null && stream.enabled()) {
            TableStreams.enable(table, stream.streamViewType(), clock.millis());
        }
        table.put("DeletionProtectionEnabled", Boolean.TRUE.equals(request.deletionProtectionEnabled()));
        return table;
    }

    static ArrayNode keySchema(List<KeySchemaElement> keySchema) {
        ArrayNode elements = Json.array();
        for (KeySchemaElement element : keySchema) {
            elements.addObject()
                    .put("AttributeName", element.attributeName())
                    .put("KeyType", element.keyType());
        }
        return elements;
    }
}
