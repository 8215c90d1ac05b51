package dev.ddb.common.table;

/** One element of a table's AttributeDefinitions: a key attribute of the table or of an index, and its type. */
public record AttributeDefinition(String attributeName, ScalarAttributeType attributeType) {
}
