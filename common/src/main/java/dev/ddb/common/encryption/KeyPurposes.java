package dev.ddb.common.encryption;

import java.nio.file.Path;

/** The purposes keys are derived for (the HKDF info {@code ddb/<purpose>}): one place, so that re-encryption finds them all. */
public final class KeyPurposes {

    /** item-service's write-ahead log records. */
    public static final String ITEM_WAL = "item-wal";
    /** Point-in-time recovery's change-log segment records. */
    public static final String PITR_SEGMENTS = "pitr-segments";
    /** On-demand backup files and PITR base snapshots. */
    public static final String BACKUP_FILES = "backup-files";
    /** stream-service's signatures of shard iterators: a signing key, nothing encrypted under it. */
    public static final String SHARD_ITERATORS = "shard-iterators";

    private KeyPurposes() {
    }

    /** An MVStore file's own key, by its file name. */
    public static String mvStore(Path file) {
        return "mvstore/" + file.getFileName();
    }
}
