package dev.ddb.table.request;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A CreateTable request, read once the request validator has checked its members' types and
 * constraints: members the caller left out are null. Tags, TableClass and other members are not read.
 */
public record CreateTableRequest(
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        List<KeySchemaElement> keySchema,
        List<SecondaryIndex> localSecondaryIndexes,
        List<SecondaryIndex> globalSecondaryIndexes,
        String billingMode,
        ProvisionedThroughput provisionedThroughput,
        StreamSpecification streamSpecification,
        Boolean deletionProtectionEnabled,
        OnDemandMaximums onDemandThroughput,
        SseSpecification sseSpecification) {

    public static final String PROVISIONED = "PROVISIONED";
    public static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";

    public static CreateTableRequest read(JsonNode request) {
        return new CreateTableRequest(
                RequestMembers.string(request, "TableName"),
                RequestMembers.list(request, "AttributeDefinitions", AttributeDefinition::read),
                RequestMembers.list(request, "KeySchema", KeySchemaElement::read),
                RequestMembers.list(request, "LocalSecondaryIndexes", SecondaryIndex::readLocal),
                RequestMembers.list(request, "GlobalSecondaryIndexes", SecondaryIndex::readGlobal),
                RequestMembers.string(request, "BillingMode"),
                ProvisionedThroughput.read(request),
                StreamSpecification.read(request),
                RequestMembers.bool(request, "DeletionProtectionEnabled"),
                OnDemandMaximums.read(request),
                SseSpecification.read(request));
    }

    /** The billing mode in effect: PROVISIONED unless the request says otherwise. */
    public boolean payPerRequest() {
        return PAY_PER_REQUEST.equals(billingMode);
    }
}
