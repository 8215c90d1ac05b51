package dev.ddb.item.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Assertions on the errors the SDK reports: DynamoDB's error code and exact message. */
public final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    public static void assertValidation(Runnable call, String message) {
        assertError(call, "ValidationException", message);
    }

    public static void assertError(Runnable call, String errorCode, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorCode);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
