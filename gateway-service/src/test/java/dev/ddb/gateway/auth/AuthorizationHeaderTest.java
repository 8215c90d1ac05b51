package dev.ddb.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    /** What the header's words were before they were split by hand. */
    private static final Pattern SEPARATORS = Pattern.compile("[, ]+");

    @Test
    void splitsIntoTheWordsTheSeparatorPatternWouldGive() {
        List<String> headers = List.of(
                "AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=abc",
                "AWS4-HMAC-SHA256 Credential=a,SignedHeaders=b,,Signature=c",
                "AWS4-HMAC-SHA256", "", ",", ", ,", ",AWS4-HMAC-SHA256 Credential=x", "a  b,,, c ,", "a\tb c");
        for (String header : headers) {
            assertThat(AuthorizationHeader.words(header)).as(header).containsExactly(SEPARATORS.split(header));
        }
    }
}
