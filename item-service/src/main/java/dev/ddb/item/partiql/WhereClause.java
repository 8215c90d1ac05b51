package dev.ddb.item.partiql;

import java.util.ArrayList;
import java.util.List;

import dev.ddb.common.table.KeySchema;

/** A WHERE clause as the conjuncts of its top-level ANDs, and the key equalities among them. */
final class WhereClause {

    private final List<Term> conjuncts = new ArrayList<>();

    WhereClause(Term where) {
        if (where != null) {
            collect(where);
        }
    }

    private void collect(Term term) {
        if (term instanceof Term.And and) {
            conjuncts.addAll(and.terms()); // the parser flattens chains: a conjunct is never itself an AND
        } else {
            conjuncts.add(term);
        }
    }

    List<Term> conjuncts() {
        return conjuncts;
    }

    /** The first conjunct {@code attribute = value} (either way round), or null. */
    Term.Comparison equality(String attribute) {
        for (Term term : conjuncts) {
            if (term instanceof Term.Comparison comparison && comparison.operator().equals("=")
                    && literalFor(comparison, attribute) != null) {
                return comparison;
            }
        }
        return null;
    }

    /**
     * The first conjunct {@code attribute IN [values]} of at most {@code most} values, all of the
     * attribute type {@code type} (S, N or B), or null.
     */
    Term.In keyIn(String attribute, String type, int most) {
        for (Term term : conjuncts) {
            if (term instanceof Term.In in && isAttribute(in.operand(), attribute) && in.candidates().size() <= most
                    && in.candidates().stream().allMatch(candidate -> candidate instanceof Term.Literal literal
                            && literal.value().has(type))) {
                return in;
            }
        }
        return null;
    }

    /** The value {@code comparison} compares the attribute {@code attribute} with, or null. */
    static Term.Literal literalFor(Term.Comparison comparison, String attribute) {
        if (isAttribute(comparison.left(), attribute) && comparison.right() instanceof Term.Literal literal) {
            return literal;
        }
        if (isAttribute(comparison.right(), attribute) && comparison.left() instanceof Term.Literal literal) {
            return literal;
        }
        return null;
    }

    static boolean isAttribute(Term term, String attribute) {
        return term instanceof Term.Path path && attribute.equals(path.attributeName());
    }

    /** Whether {@code term} reads a key attribute of {@code schema} anywhere. */
    static boolean mentionsKey(Term term, KeySchema schema) {
        if (term instanceof Term.Path path) {
            return path.steps().get(0) instanceof String name && schema.isKeyAttribute(name);
        }
        if (term instanceof Term.Is is) {
            return mentionsKey(is.path(), schema);
        }
        return children(term).stream().anyMatch(child -> mentionsKey(child, schema));
    }

    private static List<Term> children(Term term) {
        if (term instanceof Term.And and) {
            return and.terms();
        }
        if (term instanceof Term.Or or) {
            return or.terms();
        }
        if (term instanceof Term.Not not) {
            return List.of(not.operand());
        }
        if (term instanceof Term.Comparison comparison) {
            return List.of(comparison.left(), comparison.right());
        }
        if (term instanceof Term.Between between) {
            return List.of(between.operand(), between.low(), between.high());
        }
        if (term instanceof Term.In in) {
            List<Term> all = new ArrayList<>(in.candidates());
            all.add(in.operand());
            return all;
        }
        if (term instanceof Term.Arithmetic arithmetic) {
            return List.of(arithmetic.left(), arithmetic.right());
        }
        if (term instanceof Term.Function function) {
            return function.arguments();
        }
        return List.of();
    }

    /** {@code terms} joined by AND, or null when there are none. */
    static Term and(List<Term> terms) {
        return terms.isEmpty() ? null : terms.size() == 1 ? terms.get(0) : new Term.And(List.copyOf(terms));
    }
}
