package dev.ddb.table.validation;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.table.request.SseSpecification;

/**
 * DynamoDB's rules for an SSESpecification (CreateTable, UpdateTable, and a restore's
 * SSESpecificationOverride), with its messages: AES256 is in the API model's enum but refused, and
 * an explicit {@code Enabled: false} takes neither a type nor a key.
 */
public final class SseSpecificationRules {

    private SseSpecificationRules() {
    }

    public static void check(SseSpecification sse) {
        if (sse == null) {
            return;
        }
        if (Boolean.FALSE.equals(sse.enabled())) {
            if (sse.sseType() != null) {
                throw DynamoDbException.invalidParameter("SSEType can not be specified if Enabled is false");
            }
            if (sse.kmsMasterKeyId() != null) {
                throw DynamoDbException.invalidParameter("KMSMasterKeyId can not be specified if Enabled is false");
            }
            return;
        }
        if ("AES256".equals(sse.sseType())) {
            throw DynamoDbException.invalidParameter("SSEType AES256 is not supported");
        }
        if (sse.kmsMasterKeyId() != null && !"KMS".equals(sse.sseType())) {
            throw DynamoDbException.invalidParameter("SSEType KMS is required if KMSMasterKeyId is specified");
        }
    }
}
