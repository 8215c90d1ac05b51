package dev.ddb.gateway.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each event source mapping call is checked as the IAM action Lambda's policies name, on its resource. */
class LambdaActionsTest {

    private static final String MAPPINGS = "/2015-03-31/event-source-mappings";
    private static final String UUID = "6e4a2c1f-0b8d-4d5e-9f3a-2b1c0d9e8f7a";
    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:" + UUID;

    @Test
    void createAndListActOnNoMapping() {
        assertThat(LambdaActions.of("POST", MAPPINGS + "/", "eu-west-1", "123456789012"))
                .contains(new LambdaActions.Check("lambda:CreateEventSourceMapping", "*"));
        assertThat(LambdaActions.of("GET", MAPPINGS, "eu-west-1", "123456789012"))
                .contains(new LambdaActions.Check("lambda:ListEventSourceMappings", "*"));
    }

    @Test
    void getUpdateAndDeleteActOnTheMappingsArn() {
        assertThat(LambdaActions.of("GET", MAPPINGS + "/" + UUID, "eu-west-1", "123456789012"))
                .contains(new LambdaActions.Check("lambda:GetEventSourceMapping", ARN));
        assertThat(LambdaActions.of("PUT", MAPPINGS + "/" + UUID, "eu-west-1", "123456789012"))
                .contains(new LambdaActions.Check("lambda:UpdateEventSourceMapping", ARN));
        assertThat(LambdaActions.of("DELETE", MAPPINGS + "/" + UUID, "eu-west-1", "123456789012"))
                .contains(new LambdaActions.Check("lambda:DeleteEventSourceMapping", ARN));
    }

    @Test
    void whatIsNoOperationIsLeftToStreamServicesAnswer() {
        assertThat(LambdaActions.of("DELETE", MAPPINGS, "eu-west-1", "123456789012")).isEmpty();
        assertThat(LambdaActions.of("POST", MAPPINGS + "/" + UUID, "eu-west-1", "123456789012")).isEmpty();
        assertThat(LambdaActions.of("GET", MAPPINGS + "/" + UUID + "/extra", "eu-west-1", "123456789012")).isEmpty();
    }
}
