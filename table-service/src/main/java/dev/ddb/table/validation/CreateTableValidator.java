package dev.ddb.table.validation;

import dev.ddb.table.request.CreateTableRequest;

/** Validates a CreateTable request in DynamoDB's order: TableName, member constraints, then the rules. */
public final class CreateTableValidator {

    private CreateTableValidator() {
    }

    /** Throws the DynamoDbException DynamoDB answers for the first problem found. */
    public static void validate(CreateTableRequest request) {
        TableNames.requireValidLength(request.tableName());
        CreateTableConstraints.check(request);
        CreateTableRules.check(request);
    }
}
