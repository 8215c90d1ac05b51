package dev.ddb.item.partiql;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** One parsed PartiQL statement, with its {@code ?} parameters already put in as literals. */
sealed interface Statement {

    String tableName();

    /** Whether the statement only reads. */
    default boolean isRead() {
        return this instanceof Select;
    }

    /** {@code projection} empty for {@code *}; {@code where} and {@code orderBy} may be null. */
    record Select(List<Term.Path> projection, String tableName, String indexName, Term where, Term.Path orderBy,
                  boolean descending) implements Statement {
    }

    /** {@code item}: the attributes of the item, as DynamoDB's JSON item. */
    record Insert(String tableName, ObjectNode item) implements Statement {
    }

    /** A {@code SET path = value}; a value of set_add / set_delete becomes an ADD / DELETE. */
    record SetAction(Term.Path path, Term value) {
    }

    /** {@code returnValues}: DynamoDB's ReturnValues for the RETURNING clause, or NONE. */
    record Update(String tableName, List<SetAction> sets, List<Term.Path> removes, Term where, String returnValues)
            implements Statement {
    }

    record Delete(String tableName, Term where, String returnValues) implements Statement {
    }

    /** {@code EXISTS(SELECT ...)}: a transaction's condition check on one item. */
    record Exists(Select select) implements Statement {
        @Override
        public String tableName() {
            return select.tableName();
        }
    }
}
