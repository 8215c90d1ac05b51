package dev.ddb.table.metadata;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.ddb.common.table.SseDescription;
import dev.ddb.table.request.SseSpecification;

/**
 * The SSEDescription a valid SSESpecification gives a table: none for the default AWS owned key,
 * else KMS with the key's ARN in the table's region and account. There is no KMS here to look keys
 * up, so (our choice) a key id becomes its key ARN, an alias name its alias ARN, an ARN stays as
 * given, and no key means the account's AWS managed key for DynamoDB ({@code alias/aws/dynamodb}),
 * given a stable key id per account and region. The setting is reported only: every table's data is
 * encrypted under the suite's master key whatever it says.
 */
public final class SseDescriptions {

    private SseDescriptions() {
    }

    /** @param tableArn the table's ARN, whose region and account the key's ARN takes */
    public static SseDescription describe(SseSpecification sse, String tableArn) {
        if (sse == null || !sse.kms()) {
            return null;
        }
        String[] arn = tableArn.split(":", 6);
        String prefix = "arn:" + arn[1] + ":kms:" + arn[3] + ":" + arn[4] + ":";
        String key = sse.kmsMasterKeyId();
        if (key == null) {
            UUID managed = UUID.nameUUIDFromBytes((prefix + "alias/aws/dynamodb").getBytes(StandardCharsets.UTF_8));
            return SseDescription.kms(prefix + "key/" + managed);
        }
        if (key.startsWith("arn:")) {
            return SseDescription.kms(key);
        }
        return SseDescription.kms(prefix + (key.startsWith("alias/") ? key : "key/" + key));
    }
}
