package dev.ddb.common.table;

import java.time.Instant;

/**
 * DynamoDB's RestoreSummary of a table created by a restore: where it came from, when, and whether
 * its items are still being loaded (the table is CREATING until they are).
 *
 * @param sourceBackupArn   the backup restored (null for a point-in-time restore)
 * @param sourceTableArn    the table the backup was taken of
 * @param restoreDateTime   when the restore was requested
 * @param restoreInProgress true until the items are loaded and the table is ACTIVE
 */
public record RestoreSummary(String sourceBackupArn, String sourceTableArn, Instant restoreDateTime,
                             boolean restoreInProgress) {

    public RestoreSummary finished() {
        return new RestoreSummary(sourceBackupArn, sourceTableArn, restoreDateTime, false);
    }
}
