package dev.ddb.item.operation;

import java.util.Collection;

import dev.ddb.common.error.DynamoDbException;
import dev.ddb.common.table.KeySchema;
import dev.ddb.item.expression.DocumentPath;
import dev.ddb.item.key.PrimaryKeys;

/** Key attributes are scalars: DynamoDB rejects a document path into one (a projection's {@code pk.x} or {@code pk[0]}). */
final class ScalarKeyPaths {

    private ScalarKeyPaths() {
    }

    static void check(Collection<DocumentPath> paths, KeySchema keySchema) {
        for (String key : PrimaryKeys.attributeNames(keySchema)) {
            for (DocumentPath path : paths) {
                if (!path.isTopLevel() && path.topLevelName().equals(key)) {
                    throw DynamoDbException.validation("Key attributes must be scalars; list random access '[]' and "
                            + "map lookup '.' are not allowed: Key: " + key);
                }
            }
        }
    }
}
