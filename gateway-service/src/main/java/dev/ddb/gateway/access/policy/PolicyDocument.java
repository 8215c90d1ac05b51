package dev.ddb.gateway.access.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * An identity-based policy in IAM's JSON grammar: {@code Version}, {@code Id}, {@code Statement}
 * (one object or an array of them) with {@code Sid}, {@code Effect}, {@code Action}/{@code NotAction},
 * {@code Resource}/{@code NotResource} and {@code Condition}. Anything else is a
 * {@link MalformedPolicyException} naming what is wrong, as IAM refuses such a document.
 */
public record PolicyDocument(String version, List<Statement> statements) {

    /** The current policy language; only it has policy variables. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The old language, also assumed when a policy names no Version. */
    public static final String VERSION_2008 = "2008-10-17";

    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final String FOR_ALL_VALUES = "forallvalues:";
    private static final String FOR_ANY_VALUE = "foranyvalue:";
    private static final String IF_EXISTS = "ifexists";

    /** @throws MalformedPolicyException when the document is not a policy IAM would accept */
    public static PolicyDocument parse(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new MalformedPolicyException("A policy document must be a JSON object");
        }
        for (String name : document.propertyNames()) {
            if (!DOCUMENT_ELEMENTS.contains(name)) {
                throw new MalformedPolicyException("Policy document has an unknown element: " + name);
            }
        }
        String version = VERSION_2008;
        JsonNode versionNode = document.get("Version");
        if (versionNode != null) {
            if (!versionNode.isString()
                    || !(versionNode.stringValue().equals(VERSION_2012) || versionNode.stringValue().equals(VERSION_2008))) {
                throw new MalformedPolicyException("The policy must contain a valid version string: "
                        + VERSION_2012 + " or " + VERSION_2008);
            }
            version = versionNode.stringValue();
        }
        boolean variables = version.equals(VERSION_2012);
        JsonNode statementNode = document.get("Statement");
        if (statementNode == null) {
            throw new MalformedPolicyException("Policy document is missing the required element Statement");
        }
        List<JsonNode> statementNodes = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(statementNodes::add);
        } else {
            statementNodes.add(statementNode);
        }
        if (statementNodes.isEmpty()) {
            throw new MalformedPolicyException("Policy document must contain at least one statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < statementNodes.size(); i++) {
            statements.add(statement(statementNodes.get(i), i, variables));
        }
        return new PolicyDocument(version, List.copyOf(statements));
    }

    private static Statement statement(JsonNode node, int index, boolean variables) {
        String where = "Statement " + (index + 1);
        if (!node.isObject()) {
            throw new MalformedPolicyException(where + " must be a JSON object");
        }
        for (String name : node.propertyNames()) {
            if (name.equals("Principal") || name.equals("NotPrincipal")) {
                throw new MalformedPolicyException(where + ": an identity-based policy must not specify a " + name);
            }
            if (!STATEMENT_ELEMENTS.contains(name)) {
                throw new MalformedPolicyException(where + " has an unknown element: " + name);
            }
        }
        String sid = null;
        if (node.has("Sid")) {
            if (!node.get("Sid").isString()) {
                throw new MalformedPolicyException(where + ": Sid must be a string");
            }
            sid = node.get("Sid").stringValue();
            where = where + " (" + sid + ")";
        }
        JsonNode effectNode = node.get("Effect");
        if (effectNode == null) {
            throw new MalformedPolicyException(where + " is missing the required element Effect");
        }
        Effect effect;
        if (effectNode.isString() && effectNode.stringValue().equals("Allow")) {
            effect = Effect.Allow;
        } else if (effectNode.isString() && effectNode.stringValue().equals("Deny")) {
            effect = Effect.Deny;
        } else {
            throw new MalformedPolicyException(where + ": Effect must be Allow or Deny, not " + effectNode);
        }
        boolean notAction = oneOf(node, "Action", "NotAction", where);
        List<Pattern> actions = new ArrayList<>();
        for (String action : strings(node.get(notAction ? "NotAction" : "Action"), where, notAction ? "NotAction" : "Action")) {
            if (!action.equals("*") && action.indexOf(':') <= 0) {
                throw new MalformedPolicyException(where + ": action '" + action
                        + "' must be '*' or a service prefix and an action name, e.g. dynamodb:GetItem");
            }
            actions.add(Statement.actionPattern(action));
        }
        boolean notResource = oneOf(node, "Resource", "NotResource", where);
        List<PolicyString> resources = new ArrayList<>();
        for (String resource : strings(node.get(notResource ? "NotResource" : "Resource"), where,
                notResource ? "NotResource" : "Resource")) {
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                throw new MalformedPolicyException(where + ": resource '" + resource + "' must be '*' or an ARN");
            }
            resources.add(PolicyString.parse(resource, variables));
        }
        List<Condition> conditions = node.has("Condition")
                ? conditions(node.get("Condition"), where, variables) : List.of();
        return new Statement(sid, effect, List.copyOf(actions), notAction, List.copyOf(resources), notResource,
                conditions);
    }

    /** Whether the statement has {@code second} rather than {@code first}; exactly one of them is required. */
    private static boolean oneOf(JsonNode node, String first, String second, String where) {
        boolean hasFirst = node.has(first);
        boolean hasSecond = node.has(second);
        if (hasFirst == hasSecond) {
            throw new MalformedPolicyException(where + " must contain exactly one of " + first + " and " + second);
        }
        return hasSecond;
    }

    /** A string or a non-empty array of strings. */
    private static List<String> strings(JsonNode node, String where, String element) {
        List<String> values = new ArrayList<>();
        if (node.isString()) {
            values.add(node.stringValue());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode value : node) {
                if (!value.isString()) {
                    throw new MalformedPolicyException(where + ": " + element + " must contain only strings");
                }
                values.add(value.stringValue());
            }
        } else {
            throw new MalformedPolicyException(where + ": " + element + " must be a string or a non-empty array of strings");
        }
        return values;
    }

    private static List<Condition> conditions(JsonNode block, String where, boolean variables) {
        if (!block.isObject()) {
            throw new MalformedPolicyException(where + ": Condition must be a JSON object");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operatorEntry : block.properties()) {
            String name = operatorEntry.getKey();
            String rest = name.toLowerCase(Locale.ROOT);
            SetQualifier qualifier = SetQualifier.NONE;
            if (rest.startsWith(FOR_ALL_VALUES)) {
                qualifier = SetQualifier.FOR_ALL_VALUES;
                rest = rest.substring(FOR_ALL_VALUES.length());
            } else if (rest.startsWith(FOR_ANY_VALUE)) {
                qualifier = SetQualifier.FOR_ANY_VALUE;
                rest = rest.substring(FOR_ANY_VALUE.length());
            }
            boolean ifExists = rest.endsWith(IF_EXISTS) && !rest.equals(IF_EXISTS);
            if (ifExists) {
                rest = rest.substring(0, rest.length() - IF_EXISTS.length());
            }
            ConditionOperator operator = ConditionOperator.named(rest).orElseThrow(() ->
                    new MalformedPolicyException(where + ": unknown condition operator " + name));
            if (operator.isNull() && (ifExists || qualifier != SetQualifier.NONE)) {
                throw new MalformedPolicyException(where + ": the Null operator takes no qualifier: " + name);
            }
            JsonNode keys = operatorEntry.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw new MalformedPolicyException(where + ": condition " + name
                        + " must map condition keys to values");
            }
            for (Map.Entry<String, JsonNode> keyEntry : keys.properties()) {
                conditions.add(new Condition(operator, qualifier, ifExists, keyEntry.getKey(),
                        conditionValues(keyEntry.getValue(), where, name, variables)));
            }
        }
        return List.copyOf(conditions);
    }

    /** A condition key's values: a string, number or boolean, or an array of them. */
    private static List<PolicyString> conditionValues(JsonNode node, String where, String operator, boolean variables) {
        List<JsonNode> nodes = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(nodes::add);
        } else {
            nodes.add(node);
        }
        if (nodes.isEmpty()) {
            throw new MalformedPolicyException(where + ": condition " + operator + " has a key with no values");
        }
        List<PolicyString> values = new ArrayList<>();
        for (JsonNode value : nodes) {
            if (!(value.isString() || value.isNumber() || value.isBoolean())) {
                throw new MalformedPolicyException(where + ": condition " + operator
                        + " values must be strings, numbers or booleans");
            }
            values.add(PolicyString.parse(value.asString(), variables));
        }
        return List.copyOf(values);
    }
}
