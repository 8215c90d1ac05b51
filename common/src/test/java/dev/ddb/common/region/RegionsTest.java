package dev.ddb.common.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.ddb.common.event.Topics;

class RegionsTest {

    @Test
    void regionComesFromTheCredentialScopeOfTheAuthorizationHeader() {
        String header = "AWS4-HMAC-SHA256 Credential=AKID/20261130/eu-west-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc";
        assertThat(Regions.fromAuthorization(header)).isEqualTo("eu-west-1");
        assertThat(Regions.fromCredential("AKID/20261130/ap-south-2/dynamodb/aws4_request")).isEqualTo("ap-south-2");
    }

    @Test
    void requestRegionPrefersTheGatewayHeaderThenTheSignatureThenTheDefault() {
        String signedEu = "AWS4-HMAC-SHA256 Credential=AKID/20261130/eu-west-1/dynamodb/aws4_request, Signature=x";
        assertThat(Regions.ofRequest("ap-south-1", signedEu)).isEqualTo("ap-south-1");
        assertThat(Regions.ofRequest(null, signedEu)).isEqualTo("eu-west-1");
        assertThat(Regions.ofRequest(null, null)).isEqualTo(Regions.DEFAULT_REGION);
        assertThat(Regions.ofRequest(null, "AWS4-HMAC-SHA256 Credential=broken")).isEqualTo(Regions.DEFAULT_REGION);
    }

    @Test
    void tablesOfTheDefaultRegionKeepTheirPlainNameAsKey() {
        assertThat(Regions.tableKey("us-east-1", "Music")).isEqualTo("Music");
        assertThat(Regions.tableKey("eu-west-1", "Music")).isEqualTo("eu-west-1/Music");
        assertThat(Regions.regionOfKey("eu-west-1/Music")).isEqualTo("eu-west-1");
        assertThat(Regions.nameOfKey("eu-west-1/Music")).isEqualTo("Music");
        assertThat(Regions.regionOfKey("Music")).isEqualTo("us-east-1");
        assertThat(Regions.nameOfKey("Music")).isEqualTo("Music");
    }

    @Test
    void regionOfAnArn() {
        assertThat(Regions.ofArn("arn:aws:dynamodb:eu-west-1:000000000000:table/Music")).isEqualTo("eu-west-1");
        assertThat(Regions.ofArn("nonsense")).isNull();
    }

    @Test
    void streamTopicsOutsideTheDefaultRegionNameTheRegion() {
        assertThat(Topics.streamTopic("us-east-1", "Music")).isEqualTo("ddb.stream.Music");
        assertThat(Topics.streamTopic("eu-west-1", "Music")).isEqualTo("ddb.stream.eu-west-1.Music");
    }
}
