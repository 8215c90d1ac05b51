package dev.ddb.stream.registry;

/**
 * Read-your-writes for the control plane: CreateTable and UpdateTable answer only once their
 * table event is in {@code ddb.table-events}, so a Streams API call that waits until the registry
 * has applied every event published before it sees a stream enabled a moment ago.
 */
public interface TableChangesSeen {

    /** Returns once every table event published before the call is applied, or a short bound has passed. */
    void await();

    /** For a registry fed directly (tests): nothing to wait for. */
    TableChangesSeen IMMEDIATE = () -> { };
}
