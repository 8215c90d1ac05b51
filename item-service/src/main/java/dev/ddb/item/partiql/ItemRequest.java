package dev.ddb.item.partiql;

import tools.jackson.databind.node.ObjectNode;

/** The DynamoDB item operation (GetItem, Query, PutItem, ...) a statement is carried out as, and its request. */
record ItemRequest(String operation, ObjectNode request) {
}
