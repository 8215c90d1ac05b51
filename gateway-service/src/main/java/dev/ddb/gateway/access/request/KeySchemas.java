package dev.ddb.gateway.access.request;

import java.util.Optional;

/** Where the key schemas of the tables a request touches come from (looked up before the checks are built). */
@FunctionalInterface
public interface KeySchemas {

    /** The table's keys; empty when the table is unknown (then its leading keys are unknown too). */
    Optional<TableKeys> keysOf(String tableName);
}
