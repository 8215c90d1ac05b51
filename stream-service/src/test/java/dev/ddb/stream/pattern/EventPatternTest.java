package dev.ddb.stream.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.ddb.common.json.Json;
import tools.jackson.databind.JsonNode;

class EventPatternTest {

    private static final JsonNode ORDER = Json.read("""
            {"eventName": "INSERT", "awsRegion": "us-east-1",
             "dynamodb": {"Keys": {"pk": {"S": "order-17"}},
                          "NewImage": {"pk": {"S": "order-17"}, "status": {"S": "SHIPPED"}, "total": {"N": "250"},
                                       "tags": {"SS": ["gift", "express"]}},
                          "SizeBytes": 120},
             "amount": 250.5, "flags": [1, 2, 3], "nothing": null}
            """.getBytes());

    private static boolean matches(String pattern) {
        return EventPattern.parse(pattern).matches(ORDER);
    }

    @Test
    void literalsMatchByEqualityAndOneOfAListIsEnough() {
        assertThat(matches("{\"eventName\": [\"INSERT\"]}")).isTrue();
        assertThat(matches("{\"eventName\": [\"MODIFY\", \"INSERT\"]}")).isTrue();
        assertThat(matches("{\"eventName\": [\"REMOVE\"]}")).isFalse();
        assertThat(matches("{\"dynamodb\": {\"SizeBytes\": [120.0]}}")).isTrue();
        assertThat(matches("{\"nothing\": [null]}")).isTrue();
    }

    @Test
    void nestedObjectsDescendAndEveryFieldMustMatch() {
        assertThat(matches("{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [\"SHIPPED\"]}}}}")).isTrue();
        assertThat(matches("{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [\"PENDING\"]}}}}")).isFalse();
        assertThat(matches("{\"dynamodb\": {\"OldImage\": {\"status\": {\"S\": [\"SHIPPED\"]}}}}")).isFalse();
    }

    @Test
    void prefixSuffixAndEqualsIgnoreCase() {
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"order-\"}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"customer-\"}]}}}}")).isFalse();
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"suffix\": \"-17\"}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [{\"equals-ignore-case\": \"shipped\"}]}}}}")).isTrue();
    }

    @Test
    void anythingButExcludesValuesListsAndPrefixes() {
        assertThat(matches("{\"eventName\": [{\"anything-but\": \"REMOVE\"}]}")).isTrue();
        assertThat(matches("{\"eventName\": [{\"anything-but\": [\"INSERT\", \"MODIFY\"]}]}")).isFalse();
        assertThat(matches("{\"awsRegion\": [{\"anything-but\": {\"prefix\": \"us-\"}}]}")).isFalse();
        assertThat(matches("{\"missing\": [{\"anything-but\": \"x\"}]}")).isFalse();
    }

    @Test
    void numericComparesEventNumbersOnlyNotDynamoDbsNumberStrings() {
        assertThat(matches("{\"amount\": [{\"numeric\": [\">\", 100, \"<=\", 250.5]}]}")).isTrue();
        assertThat(matches("{\"amount\": [{\"numeric\": [\"<\", 100]}]}")).isFalse();
        assertThat(matches("{\"amount\": [{\"numeric\": [\"=\", 250.50]}]}")).isTrue();
        // Lambda: a DynamoDB "N" is a JSON string, which numeric never matches
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"total\": {\"N\": [{\"numeric\": [\">\", 0]}]}}}}")).isFalse();
    }

    @Test
    void existsTellsPresentFromMissing() {
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": [{\"exists\": true}]}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"deleted\": [{\"exists\": false}]}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"status\": [{\"exists\": false}]}}}")).isFalse();
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"deleted\": [{\"exists\": true}]}}}")).isFalse();
    }

    @Test
    void anArrayValueMatchesWhenOneOfItsElementsDoes() {
        assertThat(matches("{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [\"express\"]}}}}")).isTrue();
        assertThat(matches("{\"flags\": [{\"numeric\": [\">\", 2]}]}")).isTrue();
        assertThat(matches("{\"flags\": [7]}")).isFalse();
    }

    @Test
    void orMatchesWhenOneAlternativeDoes() {
        assertThat(matches("{\"$or\": [{\"eventName\": [\"REMOVE\"]}, {\"awsRegion\": [\"us-east-1\"]}]}")).isTrue();
        assertThat(matches("{\"$or\": [{\"eventName\": [\"REMOVE\"]}, {\"awsRegion\": [\"eu-west-1\"]}]}")).isFalse();
    }

    @Test
    void numbersBeyondADoublesRangeAreRefusedAsBoundsAndMatchNothingInEvents() {
        assertThatThrownBy(() -> EventPattern.parse("{\"a\": [{\"numeric\": [\">\", 1e400]}]}"))
                .isInstanceOf(InvalidPatternException.class).hasMessage("numeric bound out of range (at most about 1.8e308): >");
        JsonNode huge = Json.read("{\"amount\": 1e400}".getBytes());
        assertThat(EventPattern.parse("{\"amount\": [{\"numeric\": [\">\", 0]}]}").matches(huge)).isFalse();
        assertThat(EventPattern.parse("{\"amount\": [1]}").matches(huge)).isFalse();
        assertThat(EventPattern.parse("{\"amount\": [1e400]}").matches(huge)).isTrue();
    }

    @Test
    void malformedPatternsAreRefused() {
        assertThatThrownBy(() -> EventPattern.parse("not json")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("[1]")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("{\"eventName\": \"INSERT\"}")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("{\"eventName\": []}")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("{\"a\": [{\"numeric\": [\"~\", 1]}]}")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("{\"a\": [{\"contains\": \"x\"}]}")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("{\"a\": [{\"prefix\": 1}]}")).isInstanceOf(InvalidPatternException.class);
    }

    @Test
    void wildcardMatchesAnyCharactersWhereTheStarStands() {
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"wildcard\": \"order-*\"}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"wildcard\": \"*-1*\"}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"wildcard\": \"customer-*\"}]}}}}")).isFalse();
        assertThat(matches("{\"awsRegion\": [{\"wildcard\": \"us-east-1\"}]}")).isTrue();
        // an escaped star is a star
        assertThat(EventPattern.parse("{\"f\": [{\"wildcard\": \"a\\\\*\"}]}").matches(Json.read("{\"f\": \"a*\"}".getBytes()))).isTrue();
        assertThat(EventPattern.parse("{\"f\": [{\"wildcard\": \"a\\\\*\"}]}").matches(Json.read("{\"f\": \"ab\"}".getBytes()))).isFalse();
        assertThatThrownBy(() -> EventPattern.parse("{\"f\": [{\"wildcard\": \"a**\"}]}"))
                .isInstanceOf(InvalidPatternException.class).hasMessageContaining("Consecutive wildcard characters");
    }

    @Test
    void prefixAndSuffixCanIgnoreCase() {
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": {\"equals-ignore-case\": \"ORDER-\"}}]}}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"ORDER-\"}]}}}}")).isFalse();
        assertThat(matches("{\"eventName\": [{\"suffix\": {\"equals-ignore-case\": \"sert\"}}]}")).isTrue();
    }

    @Test
    void anythingButTakesSuffixesWildcardsAndIgnoredCase() {
        assertThat(matches("{\"awsRegion\": [{\"anything-but\": {\"suffix\": \"-1\"}}]}")).isFalse();
        assertThat(matches("{\"awsRegion\": [{\"anything-but\": {\"suffix\": \"-2\"}}]}")).isTrue();
        assertThat(matches("{\"awsRegion\": [{\"anything-but\": {\"wildcard\": \"us-*\"}}]}")).isFalse();
        assertThat(matches("{\"eventName\": [{\"anything-but\": {\"equals-ignore-case\": [\"insert\", \"modify\"]}}]}")).isFalse();
        assertThat(matches("{\"eventName\": [{\"anything-but\": {\"equals-ignore-case\": \"remove\"}}]}")).isTrue();
        // numbers are excluded by value
        assertThat(matches("{\"amount\": [{\"anything-but\": [250.50, 3]}]}")).isFalse();
        assertThat(matches("{\"amount\": [{\"anything-but\": 100}]}")).isTrue();
        assertThatThrownBy(() -> EventPattern.parse("{\"f\": [{\"anything-but\": {\"numeric\": [\">\", 1]}}]}"))
                .isInstanceOf(InvalidPatternException.class);
    }

    @Test
    void existsFalseMatchesUnderAMissingObjectAndOtherMatchersDoNot() {
        assertThat(matches("{\"dynamodb\": {\"OldImage\": {\"status\": [{\"exists\": false}]}}}")).isTrue();
        assertThat(matches("{\"dynamodb\": {\"OldImage\": {\"status\": [{\"exists\": true}]}}}")).isFalse();
        assertThat(matches("{\"dynamodb\": {\"OldImage\": {\"status\": {\"S\": [{\"anything-but\": \"x\"}]}}}}")).isFalse();
        // a null value is present
        assertThat(matches("{\"nothing\": [{\"exists\": true}]}")).isTrue();
    }

    @Test
    void emptyObjectsAreRefused() {
        assertThatThrownBy(() -> EventPattern.parse("{\"detail\": {}}"))
                .isInstanceOf(InvalidPatternException.class).hasMessage("Empty objects are not allowed");
    }

    @Test
    void cidrMatchesAddressesInTheBlock() {
        JsonNode event = Json.read("{\"ip\": \"10.0.0.77\", \"v6\": \"2001:db8::1\", \"name\": \"localhost\"}".getBytes());
        assertThat(EventPattern.parse("{\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}").matches(event)).isTrue();
        assertThat(EventPattern.parse("{\"ip\": [{\"cidr\": \"10.0.1.0/24\"}]}").matches(event)).isFalse();
        assertThat(EventPattern.parse("{\"v6\": [{\"cidr\": \"2001:db8::/32\"}]}").matches(event)).isTrue();
        assertThat(EventPattern.parse("{\"name\": [{\"cidr\": \"10.0.0.0/8\"}]}").matches(event)).isFalse();
        assertThat(EventPattern.parse("{\"ip\": [{\"cidr\": \"10.0.0.0/8\"}]}").matches(Json.read("{\"ip\": \"10.0.0.999\"}".getBytes()))).isFalse();
        assertThatThrownBy(() -> EventPattern.parse("{\"ip\": [{\"cidr\": \"10.0.0.0\"}]}")).isInstanceOf(InvalidPatternException.class);
        assertThatThrownBy(() -> EventPattern.parse("{\"ip\": [{\"cidr\": \"10.0.0.0/33\"}]}")).isInstanceOf(InvalidPatternException.class);
    }
}
