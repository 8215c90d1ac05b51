package dev.ddb.table.validation;

import dev.ddb.table.request.CreateTableRequest;

/**
 * Validates what CreateTable's rules say about a request whose members already satisfy their
 * types and constraints (checked by the request validator before the operation runs): billing,
 * key schemas against AttributeDefinitions, secondary indexes, streams.
 */
public final class CreateTableValidator {

    private CreateTableValidator() {
    }

    /** Throws the DynamoDbException DynamoDB answers for the first broken rule. */
    public static void validate(CreateTableRequest request) {
        CreateTableRules.check(request);
    }
}
