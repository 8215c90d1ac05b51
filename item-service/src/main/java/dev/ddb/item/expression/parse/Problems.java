package dev.ddb.item.expression.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The first message of each kind of problem found in one expression. */
final class Problems {

    private final String kind;
    private final List<Problem> order;
    private final Map<Problem, String> found = new EnumMap<>(Problem.class);

    Problems(String kind, List<Problem> order) {
        this.kind = kind;
        this.order = order;
    }

    void report(Problem problem, String detail) {
        found.putIfAbsent(problem, detail);
    }

    /** Throws the problem DynamoDB would report, if any was found. */
    void throwFirst() {
        for (Problem problem : order) {
            String detail = found.get(problem);
            if (detail != null) {
                throw InvalidExpression.of(kind, detail);
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("problem without a place in the order: " + found);
        }
    }
}
