package dev.ddb.table.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.SseDescription;
import dev.ddb.table.request.SseSpecification;
import dev.ddb.table.validation.SseSpecificationRules;

class SseDescriptionsTest {

    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/Music";

    @Test
    void theDefaultKeyHasNoDescription() {
        assertThat(SseDescriptions.describe(null, TABLE)).isNull();
        assertThat(SseDescriptions.describe(new SseSpecification(false, null, null), TABLE)).isNull();
        assertThat(SseDescriptions.describe(new SseSpecification(null, null, null), TABLE)).isNull();
    }

    @Test
    void kmsKeysBecomeArnsOfTheTablesRegionAndAccount() {
        SseDescription managed = SseDescriptions.describe(new SseSpecification(true, null, null), TABLE);
        assertThat(managed.status()).isEqualTo("ENABLED");
        assertThat(managed.sseType()).isEqualTo("KMS");
        assertThat(managed.kmsMasterKeyArn()).matches("arn:aws:kms:eu-west-1:123456789012:key/[0-9a-f-]{36}");
        assertThat(SseDescriptions.describe(new SseSpecification(true, "KMS", null), TABLE)).isEqualTo(managed);
        assertThat(SseDescriptions.describe(new SseSpecification(null, "KMS", "k-1"), TABLE).kmsMasterKeyArn())
                .isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/k-1");
        assertThat(SseDescriptions.describe(new SseSpecification(true, "KMS", "alias/a"), TABLE).kmsMasterKeyArn())
                .isEqualTo("arn:aws:kms:eu-west-1:123456789012:alias/a");
        assertThat(SseDescriptions.describe(new SseSpecification(true, "KMS", "arn:aws:kms:us-west-2:1:key/x"), TABLE)
                .kmsMasterKeyArn()).isEqualTo("arn:aws:kms:us-west-2:1:key/x");
    }

    @Test
    void rulesGiveDynamoDbsMessages() {
        assertRefused(new SseSpecification(false, "KMS", null), "SSEType can not be specified if Enabled is false");
        assertRefused(new SseSpecification(false, null, "k"), "KMSMasterKeyId can not be specified if Enabled is false");
        assertRefused(new SseSpecification(true, "AES256", null), "SSEType AES256 is not supported");
        assertRefused(new SseSpecification(null, "AES256", null), "SSEType AES256 is not supported");
        assertRefused(new SseSpecification(true, null, "k"), "SSEType KMS is required if KMSMasterKeyId is specified");
        SseSpecificationRules.check(new SseSpecification(true, "KMS", "k"));
        SseSpecificationRules.check(new SseSpecification(false, null, null));
        SseSpecificationRules.check(null);
    }

    private static void assertRefused(SseSpecification sse, String detail) {
        assertThatThrownBy(() -> SseSpecificationRules.check(sse)).isInstanceOf(DynamoDbException.class)
                .hasMessage("One or more parameter values were invalid: " + detail);
    }
}
