package dev.ddb.item.partiql;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** A part of a PartiQL WHERE clause or SET value: conditions and the operands they compare. */
sealed interface Term {

    /** An attribute, or a member of one: each step is a name (String) or a list index (Integer). */
    record Path(List<Object> steps) implements Term {
        /** The top-level attribute name when the path is just that, else null. */
        String attributeName() {
            return steps.size() == 1 && steps.get(0) instanceof String name ? name : null;
        }
    }

    /** A value, as DynamoDB's JSON AttributeValue ({"S": "x"}). */
    record Literal(JsonNode value) implements Term {
    }

    /** {@code left + right} or {@code left - right}. */
    record Arithmetic(String operator, Term left, Term right) implements Term {
    }

    /**
     * A function call, its name lower-cased (PartiQL's function names are case-insensitive), with
     * where its name and its first argument are in the statement ({@code 1:29:7}: line, column and
     * length), which some of DynamoDB's messages end with.
     */
    record Function(String name, List<Term> arguments, String at, String firstArgumentAt) implements Term {
    }

    /** {@code left op right} with one of = <> < <= > >=. */
    record Comparison(String operator, Term left, Term right) implements Term {
    }

    record Between(Term operand, Term low, Term high) implements Term {
    }

    record In(Term operand, List<Term> candidates) implements Term {
    }

    /**
     * {@code path IS [NOT] MISSING}, or {@code path IS [NOT] <type>} with the DynamoDB type the
     * PartiQL type stands for ({@code NULL}, {@code STRING} S, {@code BOOLEAN} BOOL, ...).
     */
    record Is(Path path, boolean not, boolean missing, String attributeType) implements Term {
    }

    /** Two or more conditions that must all hold. */
    record And(List<Term> terms) implements Term {
    }

    /** Two or more conditions of which one must hold. */
    record Or(List<Term> terms) implements Term {
    }

    record Not(Term operand) implements Term {
    }
}
