package dev.ddb.gateway.access.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.ddb.common.json.Json;

class PolicyEvaluationTest {

    private static final String BOOKS = "arn:aws:dynamodb:us-east-1:123456789012:table/Books";
    private static final String BOOKS_INDEX = BOOKS + "/index/ByAuthor";
    private static final EvaluationContext ALICE = EvaluationContext.builder()
            .put("aws:username", "alice").put("aws:PrincipalAccount", "123456789012").build();

    private static PolicySet policies(String... documents) {
        return PolicySet.of(List.of(documents).stream().map(d -> (JsonNode) Json.MAPPER.readTree(d)).toList());
    }

    private static String allow(String action, String resource) {
        return statementPolicy("Allow", action, resource, null);
    }

    private static String statementPolicy(String effect, String action, String resource, String condition) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "%s", "Action": %s, "Resource": %s%s}}"""
                .formatted(effect, action, resource, condition == null ? "" : ", \"Condition\": " + condition);
    }

    @Nested
    class ActionsAndResources {

        @Test
        void anExactActionAllowsOnlyThatAction() {
            PolicySet set = policies(allow("\"dynamodb:GetItem\"", "\"" + BOOKS + "\""));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:PutItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void actionNamesMatchInAnyLetterCaseAndWithWildcards() {
            PolicySet set = policies(allow("[\"DynamoDB:get*\", \"dynamodb:Query\"]", "\"*\""));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:GetRecords", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:query", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:BatchGetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void aStarActionAndDynamodbStarAllowEverything() {
            assertThat(policies(allow("\"*\"", "\"*\"")).evaluate("dynamodb:DeleteTable", BOOKS, ALICE))
                    .isEqualTo(Decision.ALLOW);
            assertThat(policies(allow("\"dynamodb:*\"", "\"*\"")).evaluate("dynamodb:DeleteTable", BOOKS, ALICE))
                    .isEqualTo(Decision.ALLOW);
            assertThat(policies(allow("\"s3:*\"", "\"*\"")).evaluate("dynamodb:DeleteTable", BOOKS, ALICE))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void questionMarkMatchesOneCharacter() {
            PolicySet set = policies(allow("\"dynamodb:?etItem\"", "\"*\""));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:BatchGetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void notActionAppliesToEveryOtherAction() {
            String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                    + "\"NotAction\": [\"dynamodb:Delete*\", \"dynamodb:PutItem\"], \"Resource\": \"*\"}]}";
            PolicySet set = policies(policy);
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:DeleteTable", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(set.evaluate("dynamodb:PutItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void resourceWildcardsMatchTablesAndTheirIndexes() {
            PolicySet set = policies(allow("\"dynamodb:Query\"", "[\"" + BOOKS + "\", \"" + BOOKS + "/index/*\"]"));
            assertThat(set.evaluate("dynamodb:Query", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:Query", BOOKS_INDEX, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:Query", BOOKS + "2", ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(policies(allow("\"dynamodb:Query\"", "\"" + BOOKS + "\"")).evaluate("dynamodb:Query", BOOKS_INDEX, ALICE))
                    .as("a table's ARN does not cover its indexes").isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(policies(allow("\"dynamodb:Query\"", "\"arn:aws:dynamodb:*:*:table/Boo?s\""))
                    .evaluate("dynamodb:Query", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
        }

        @Test
        void resourcesMatchCaseSensitively() {
            PolicySet set = policies(allow("\"dynamodb:GetItem\"", "\"arn:aws:dynamodb:us-east-1:123456789012:table/books\""));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void notResourceAppliesToEveryOtherResource() {
            String policy = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
                    + "\"Action\": \"dynamodb:*\", \"NotResource\": \"" + BOOKS + "*\"}}";
            PolicySet set = policies(policy);
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS_INDEX, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(set.evaluate("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/Music", ALICE))
                    .isEqualTo(Decision.ALLOW);
        }
    }

    @Nested
    class DenyAndAllow {

        @Test
        void anExplicitDenyWinsOverAnyAllowInAnyDocument() {
            PolicySet set = policies(allow("\"dynamodb:*\"", "\"*\""),
                    statementPolicy("Deny", "\"dynamodb:DeleteTable\"", "\"" + BOOKS + "\"", null));
            assertThat(set.evaluate("dynamodb:DeleteTable", BOOKS, ALICE)).isEqualTo(Decision.EXPLICIT_DENY);
            assertThat(set.evaluate("dynamodb:DeleteTable", BOOKS + "2", ALICE)).isEqualTo(Decision.ALLOW);
        }

        @Test
        void noPoliciesAllowNothing() {
            assertThat(PolicySet.of(List.of()).evaluate("dynamodb:ListTables", "*", ALICE))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void aDenyWithAConditionThatDoesNotHoldDoesNotApply() {
            PolicySet set = policies(allow("\"dynamodb:*\"", "\"*\""), statementPolicy("Deny", "\"dynamodb:*\"", "\"*\"",
                    "{\"Bool\": {\"aws:SecureTransport\": \"false\"}}"));
            EvaluationContext tls = ALICE.toBuilder().put("aws:SecureTransport", "true").build();
            EvaluationContext plain = ALICE.toBuilder().put("aws:SecureTransport", "false").build();
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, tls)).isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, plain)).isEqualTo(Decision.EXPLICIT_DENY);
        }
    }

    @Nested
    class Conditions {

        private Decision evaluate(String condition, EvaluationContext context) {
            return policies(statementPolicy("Allow", "\"dynamodb:*\"", "\"*\"", condition))
                    .evaluate("dynamodb:GetItem", BOOKS, context);
        }

        private EvaluationContext with(String key, String... values) {
            return ALICE.toBuilder().put(key, List.of(values)).build();
        }

        @Test
        void stringEqualsIsCaseSensitiveAndIgnoreCaseIsNot() {
            String equals = "{\"StringEquals\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"}}";
            assertThat(evaluate(equals, with("dynamodb:Select", "SPECIFIC_ATTRIBUTES"))).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(equals, with("dynamodb:Select", "specific_attributes"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate(equals, ALICE)).as("key absent").isEqualTo(Decision.IMPLICIT_DENY);
            String ignoreCase = "{\"StringEqualsIgnoreCase\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"}}";
            assertThat(evaluate(ignoreCase, with("dynamodb:Select", "specific_attributes"))).isEqualTo(Decision.ALLOW);
        }

        @Test
        void conditionKeyNamesAreNotCaseSensitive() {
            assertThat(evaluate("{\"StringEquals\": {\"DynamoDB:select\": \"COUNT\"}}", with("dynamodb:Select", "COUNT")))
                    .isEqualTo(Decision.ALLOW);
        }

        @Test
        void severalValuesAreAlternativesAndSeveralKeysMustAllHold() {
            String condition = "{\"StringEquals\": {\"dynamodb:ReturnValues\": [\"NONE\", \"UPDATED_NEW\"], "
                    + "\"dynamodb:Select\": \"COUNT\"}}";
            EvaluationContext both = ALICE.toBuilder().put("dynamodb:ReturnValues", "UPDATED_NEW")
                    .put("dynamodb:Select", "COUNT").build();
            EvaluationContext one = ALICE.toBuilder().put("dynamodb:ReturnValues", "UPDATED_NEW")
                    .put("dynamodb:Select", "ALL_ATTRIBUTES").build();
            assertThat(evaluate(condition, both)).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, one)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void negatedOperatorsHoldWhenTheKeyIsAbsent() {
            String condition = "{\"StringNotEquals\": {\"dynamodb:ReturnValues\": [\"ALL_OLD\", \"ALL_NEW\"]}}";
            assertThat(evaluate(condition, with("dynamodb:ReturnValues", "NONE"))).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, with("dynamodb:ReturnValues", "ALL_OLD"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate(condition, ALICE)).isEqualTo(Decision.ALLOW);
        }

        @Test
        void ifExistsHoldsWhenTheKeyIsAbsent() {
            String condition = "{\"StringEqualsIfExists\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"}}";
            assertThat(evaluate(condition, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, with("dynamodb:Select", "ALL_ATTRIBUTES"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate(condition, with("dynamodb:Select", "SPECIFIC_ATTRIBUTES"))).isEqualTo(Decision.ALLOW);
        }

        @Test
        void stringLikeHasWildcards() {
            String like = "{\"StringLike\": {\"aws:username\": \"al*\"}}";
            assertThat(evaluate(like, ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(like, with("aws:username", "bob"))).isEqualTo(Decision.IMPLICIT_DENY);
            String notLike = "{\"StringNotLike\": {\"aws:username\": \"al?ce\"}}";
            assertThat(evaluate(notLike, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate(notLike, with("aws:username", "bob"))).isEqualTo(Decision.ALLOW);
        }

        @Test
        void forAllValuesNeedsEveryRequestValueToMatchAndHoldsForNone() {
            String condition = "{\"ForAllValues:StringEquals\": {\"dynamodb:Attributes\": [\"pk\", \"title\", \"year\"]}}";
            assertThat(evaluate(condition, with("dynamodb:Attributes", "pk", "title"))).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, with("dynamodb:Attributes", "pk", "price"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate(condition, with("dynamodb:Attributes"))).as("empty").isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, ALICE)).as("absent").isEqualTo(Decision.ALLOW);
        }

        @Test
        void forAnyValueNeedsOneRequestValueToMatchAndFailsForNone() {
            String condition = "{\"ForAnyValue:StringEquals\": {\"dynamodb:Attributes\": [\"secret\", \"salary\"]}}";
            assertThat(evaluate(condition, with("dynamodb:Attributes", "pk", "salary"))).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, with("dynamodb:Attributes", "pk", "title"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate(condition, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void forAllValuesWithANegatedOperatorNeedsEveryValueToMatchNone() {
            String condition = "{\"ForAllValues:StringNotLike\": {\"dynamodb:Attributes\": [\"Free*\", \"Boss*\"]}}";
            assertThat(evaluate(condition, with("dynamodb:Attributes", "pk", "Score"))).isEqualTo(Decision.ALLOW);
            assertThat(evaluate(condition, with("dynamodb:Attributes", "pk", "FreeGames"))).isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void boolAndNullAndNumericAndDateOperators() {
            assertThat(evaluate("{\"Bool\": {\"aws:SecureTransport\": true}}", with("aws:SecureTransport", "true")))
                    .isEqualTo(Decision.ALLOW);
            assertThat(evaluate("{\"Bool\": {\"aws:SecureTransport\": \"true\"}}", with("aws:SecureTransport", "false")))
                    .isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate("{\"Null\": {\"dynamodb:Select\": \"true\"}}", ALICE)).isEqualTo(Decision.ALLOW);
            assertThat(evaluate("{\"Null\": {\"dynamodb:Select\": \"true\"}}", with("dynamodb:Select", "COUNT")))
                    .isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate("{\"Null\": {\"dynamodb:Select\": \"false\"}}", with("dynamodb:Select", "COUNT")))
                    .isEqualTo(Decision.ALLOW);
            assertThat(evaluate("{\"NumericLessThan\": {\"aws:EpochTime\": 2000000000}}", with("aws:EpochTime", "1700000000")))
                    .isEqualTo(Decision.ALLOW);
            assertThat(evaluate("{\"NumericGreaterThanEquals\": {\"aws:EpochTime\": \"2000000000\"}}",
                    with("aws:EpochTime", "1700000000"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate("{\"DateLessThan\": {\"aws:CurrentTime\": \"2030-01-01T00:00:00Z\"}}",
                    with("aws:CurrentTime", "2026-11-30T22:00:00Z"))).isEqualTo(Decision.ALLOW);
            assertThat(evaluate("{\"DateGreaterThan\": {\"aws:CurrentTime\": \"2030-01-01\"}}",
                    with("aws:CurrentTime", "2026-11-30T22:00:00Z"))).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(evaluate("{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}", with("aws:SourceIp", "203.0.113.9")))
                    .isEqualTo(Decision.ALLOW);
            assertThat(evaluate("{\"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}}", with("aws:SourceIp", "198.51.100.1")))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void anUnknownKeyFailsClosedForAllowAndForDeny() {
            EvaluationContext unknown = ALICE.toBuilder().unknown("dynamodb:LeadingKeys").build();
            String condition = "{\"ForAllValues:StringEquals\": {\"dynamodb:LeadingKeys\": \"${aws:username}\"}}";
            assertThat(evaluate(condition, unknown)).isEqualTo(Decision.IMPLICIT_DENY);
            PolicySet deny = policies(allow("\"dynamodb:*\"", "\"*\""), statementPolicy("Deny", "\"dynamodb:*\"", "\"*\"",
                    "{\"ForAnyValue:StringEquals\": {\"dynamodb:LeadingKeys\": \"root\"}}"));
            assertThat(deny.evaluate("dynamodb:GetItem", BOOKS, unknown)).isEqualTo(Decision.EXPLICIT_DENY);
        }
    }

    @Nested
    class Variables {

        @Test
        void usernameInAConditionValue() {
            PolicySet set = policies(statementPolicy("Allow", "\"dynamodb:GetItem\"", "\"*\"",
                    "{\"ForAllValues:StringEquals\": {\"dynamodb:LeadingKeys\": [\"${aws:username}\"]}}"));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE.toBuilder().put("dynamodb:LeadingKeys", "alice").build()))
                    .isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE.toBuilder().put("dynamodb:LeadingKeys", "bob").build()))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void variablesInAResourceAndTheirTextIsNoWildcard() {
            PolicySet set = policies(allow("\"dynamodb:*\"",
                    "\"arn:aws:dynamodb:*:${aws:PrincipalAccount}:table/${aws:username}-*\""));
            assertThat(set.evaluate("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/alice-notes", ALICE))
                    .isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/bob-notes", ALICE))
                    .isEqualTo(Decision.IMPLICIT_DENY);
            EvaluationContext star = ALICE.toBuilder().put("aws:username", "*").build();
            assertThat(set.evaluate("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/bob-notes", star))
                    .as("a user named * is no wildcard").isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void escapesStandForLiteralCharacters() {
            PolicySet set = policies(statementPolicy("Allow", "\"dynamodb:*\"", "\"*\"",
                    "{\"StringLike\": {\"aws:username\": \"a${*}b${?}${$}\"}}"));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE.toBuilder().put("aws:username", "a*b?$").build()))
                    .isEqualTo(Decision.ALLOW);
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE.toBuilder().put("aws:username", "axxb!$").build()))
                    .isEqualTo(Decision.IMPLICIT_DENY);
        }

        @Test
        void aMissingVariableMatchesNothingUnlessItHasADefault() {
            PolicySet set = policies(statementPolicy("Allow", "\"dynamodb:*\"", "\"*\"",
                    "{\"StringEquals\": {\"aws:username\": \"${aws:SourceIp}\"}}"));
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            PolicySet withDefault = policies(statementPolicy("Allow", "\"dynamodb:*\"", "\"*\"",
                    "{\"StringEquals\": {\"aws:username\": \"${aws:SourceIp, 'alice'}\"}}"));
            assertThat(withDefault.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.ALLOW);
        }

        @Test
        void theOldPolicyLanguageHasNoVariables() {
            String policy = "{\"Version\": \"2008-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"dynamodb:*\", "
                    + "\"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:username\": \"${aws:username}\"}}}}";
            assertThat(policies(policy).evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
            assertThat(policies(policy).evaluate("dynamodb:GetItem", BOOKS,
                    ALICE.toBuilder().put("aws:username", "${aws:username}").build())).isEqualTo(Decision.ALLOW);
        }
    }

    @Nested
    class DecidedByActionAlone {

        @Test
        void onlyPoliciesOnAllResourcesWithoutDynamoDbConditionsAre() {
            assertThat(policies(allow("\"dynamodb:*\"", "\"*\"")).decidedByActionAlone()).isTrue();
            assertThat(policies(statementPolicy("Allow", "\"dynamodb:*\"", "\"*\"",
                    "{\"Bool\": {\"aws:SecureTransport\": \"true\"}}")).decidedByActionAlone()).isTrue();
            assertThat(policies(allow("\"dynamodb:*\"", "\"" + BOOKS + "\"")).decidedByActionAlone()).isFalse();
            assertThat(policies(statementPolicy("Allow", "\"dynamodb:*\"", "\"*\"",
                    "{\"StringEquals\": {\"dynamodb:Select\": \"COUNT\"}}")).decidedByActionAlone()).isFalse();
        }
    }

    @Nested
    class MalformedDocuments {

        private void assertMalformed(String document, String message) {
            assertThatThrownBy(() -> PolicyDocument.parse(Json.MAPPER.readTree(document)))
                    .isInstanceOf(MalformedPolicyException.class).hasMessageContaining(message);
        }

        @Test
        void eachMistakeIsNamed() {
            assertMalformed("[]", "must be a JSON object");
            assertMalformed("{\"Version\": \"2012-10-17\"}", "missing the required element Statement");
            assertMalformed("{\"Version\": \"2020-01-01\", \"Statement\": []}", "valid version string");
            assertMalformed("{\"Statement\": {\"Action\": \"*\", \"Resource\": \"*\"}}", "missing the required element Effect");
            assertMalformed("{\"Statement\": {\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}}",
                    "Effect must be Allow or Deny");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Resource\": \"*\"}}",
                    "exactly one of Action and NotAction");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"NotAction\": \"*\", \"Resource\": \"*\"}}",
                    "exactly one of Action and NotAction");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}",
                    "exactly one of Resource and NotResource");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"GetItem\", \"Resource\": \"*\"}}",
                    "service prefix");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"table/x\"}}",
                    "must be '*' or an ARN");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", "
                    + "\"Principal\": \"*\"}}", "must not specify a Principal");
            assertMalformed("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", "
                    + "\"Condition\": {\"StringEqualz\": {\"aws:username\": \"a\"}}}}", "unknown condition operator StringEqualz");
            assertMalformed("{\"Statement\": {\"Sid\": \"S1\", \"Effect\": \"Allow\", \"Action\": [1], \"Resource\": \"*\"}}",
                    "Statement 1 (S1): Action must contain only strings");
        }

        @Test
        void aMalformedDocumentMakesTheWholeSetDenyEverything() {
            PolicySet set = policies(allow("\"dynamodb:*\"", "\"*\""), "{\"Statement\": \"nonsense\"}");
            assertThat(set.malformed()).startsWith("policy 2: Statement 1 must be a JSON object");
            assertThat(set.evaluate("dynamodb:GetItem", BOOKS, ALICE)).isEqualTo(Decision.IMPLICIT_DENY);
        }
    }
}
