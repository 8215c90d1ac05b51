package dev.ddb.gateway.access.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A string of a policy (a Resource, a condition value) with its policy variables:
 * {@code ${aws:username}}, {@code ${aws:username, 'default'}} and the escapes {@code ${*}},
 * {@code ${?}}, {@code ${$}}, which stand for the literal characters. Variables exist only in
 * policies of Version 2012-10-17; in older ones {@code ${...}} is plain text. A variable whose key
 * the request does not have (and that has no default) makes the string match nothing, as in IAM.
 * Text a variable stands for is literal: a {@code *} in a user name is no wildcard.
 */
public final class PolicyString {

    private sealed interface Part permits Text, Wildcard, Variable {
    }

    /** Literal text. */
    private record Text(String text) implements Part {
    }

    /** {@code *} or {@code ?} written in the policy: a wildcard for the Like operators and Resource. */
    private record Wildcard(char symbol) implements Part {
    }

    private record Variable(String key, String defaultValue) implements Part {
    }

    private final String source;
    private final List<Part> parts;
    private final boolean hasVariables;
    /** Resolved once when there are no variables. */
    private final String constantText;
    private final Pattern constantPattern;
    private final Pattern constantPatternIgnoringCase;

    private PolicyString(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
        this.hasVariables = parts.stream().anyMatch(Variable.class::isInstance);
        this.constantText = hasVariables ? null : text(EvaluationContext.builder().build()).orElseThrow();
        this.constantPattern = hasVariables ? null : pattern(EvaluationContext.builder().build(), false).orElseThrow();
        this.constantPatternIgnoringCase = hasVariables ? null
                : pattern(EvaluationContext.builder().build(), true).orElseThrow();
    }

    /** @param variables whether the policy's Version has policy variables (2012-10-17) */
    public static PolicyString parse(String source, boolean variables) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int close = variables && c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{'
                    ? source.indexOf('}', i + 2) : -1;
            if (close > 0) {
                String inside = source.substring(i + 2, close).trim();
                if (inside.equals("*") || inside.equals("?") || inside.equals("$")) {
                    text.append(inside);
                } else {
                    flush(text, parts);
                    parts.add(variable(inside, source));
                }
                i = close + 1;
            } else if (c == '*' || c == '?') {
                flush(text, parts);
                parts.add(new Wildcard(c));
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, parts);
        return new PolicyString(source, List.copyOf(parts));
    }

    /** {@code aws:username} or {@code aws:username, 'default value'}. */
    private static Variable variable(String inside, String source) {
        int comma = inside.indexOf(',');
        if (comma < 0) {
            return new Variable(inside, null);
        }
        String key = inside.substring(0, comma).trim();
        String fallback = inside.substring(comma + 1).trim();
        if (fallback.length() < 2 || !fallback.startsWith("'") || !fallback.endsWith("'")) {
            throw new MalformedPolicyException("The default value of a policy variable must be in single quotes: '"
                    + source + "'");
        }
        return new Variable(key, fallback.substring(1, fallback.length() - 1));
    }

    private static void flush(StringBuilder text, List<Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
            text.setLength(0);
        }
    }

    /** The string with its variables' values, wildcards as plain characters; empty when a variable has no value. */
    public Optional<String> text(EvaluationContext context) {
        if (constantText != null) {
            return Optional.of(constantText);
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Wildcard w) {
                out.append(w.symbol());
            } else {
                Optional<String> value = value((Variable) part, context);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.append(value.get());
            }
        }
        return Optional.of(out.toString());
    }

    /** The string as a pattern: its own {@code *} and {@code ?} are wildcards, the rest literal. */
    public Optional<Pattern> pattern(EvaluationContext context, boolean ignoreCase) {
        Pattern constant = ignoreCase ? constantPatternIgnoringCase : constantPattern;
        if (constant != null) {
            return Optional.of(constant);
        }
        StringBuilder regex = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                regex.append(Pattern.quote(t.text()));
            } else if (part instanceof Wildcard w) {
                regex.append(w.symbol() == '*' ? ".*" : ".");
            } else {
                Optional<String> value = value((Variable) part, context);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                regex.append(Pattern.quote(value.get()));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Optional.of(Pattern.compile(regex.toString(), flags));
    }

    /** A single-valued key's value (a multivalued one cannot stand in a string), else the default. */
    private static Optional<String> value(Variable variable, EvaluationContext context) {
        List<String> values = context.values(variable.key());
        if (values.size() == 1) {
            return Optional.of(values.get(0));
        }
        return Optional.ofNullable(variable.defaultValue());
    }

    /** Whether this is {@code *} alone, which matches anything. */
    public boolean isWildcardOnly() {
        return source.equals("*");
    }

    @Override
    public String toString() {
        return source;
    }
}
