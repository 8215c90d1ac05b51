package dev.ddb.common.table;

/**
 * DynamoDB's SSEDescription of a table encrypted with a KMS key (an AWS managed key or the
 * customer's): status {@code ENABLED}, type {@code KMS} and the key's ARN. A table with the default
 * AWS owned key has none. The suite keeps and reports it as the table's setting; the data itself is
 * always encrypted under the suite's master key.
 *
 * @param status          ENABLED (changes take effect at once here, so never ENABLING or UPDATING)
 * @param sseType         KMS
 * @param kmsMasterKeyArn the key's ARN
 */
public record SseDescription(String status, String sseType, String kmsMasterKeyArn) {

    public static final String ENABLED = "ENABLED";
    public static final String KMS = "KMS";

    public static SseDescription kms(String kmsMasterKeyArn) {
        return new SseDescription(ENABLED, KMS, kmsMasterKeyArn);
    }
}
