package dev.ddb.backup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of backup-service.
 *
 * @param dataDir                where the backup catalog {@code backups.mv.db} and the backups' files ({@code backups/}) live
 * @param itemServiceUrl         base URL of item-service, which streams a table's snapshot and loads restored items
 * @param tableServiceUrl        base URL of table-service, which describes source tables and creates restored ones
 * @param accountId              the account id named in backup ARNs (as in table ARNs)
 * @param maxConcurrentRestores  restores running at once, beyond which RestoreTableFromBackup answers
 *                               LimitExceededException (DynamoDB allows 50 table operations at a time per account)
 * @param callTimeout            how long one internal call may take (a snapshot stream: until its first bytes)
 * @param pitrSegmentBytes       a table's change archive starts a new segment file beyond this size
 * @param pitrBaseInterval       a PITR-enabled table gets a new base snapshot when its newest is this old
 *                               (older segments and bases are then trimmed once out of the recovery period)
 * @param pitrHousekeeping       how often archives are trimmed and new base snapshots considered
 * @param exportRoot             where exports are written and imports read: S3 bucket {@code b} is the
 *                               directory {@code <export-root>/b}; empty means {@code <data-dir>/exports}
 */
@ConfigurationProperties("ddb.backup")
public record BackupServiceProperties(
        @DefaultValue("./data/backup-service") Path dataDir,
        @DefaultValue("http://localhost:8102") URI itemServiceUrl,
        @DefaultValue("http://localhost:8101") URI tableServiceUrl,
        @DefaultValue("000000000000") String accountId,
        @DefaultValue("50") int maxConcurrentRestores,
        @DefaultValue("30s") Duration callTimeout,
        @DefaultValue("67108864") long pitrSegmentBytes,
        @DefaultValue("1d") Duration pitrBaseInterval,
        @DefaultValue("1m") Duration pitrHousekeeping,
        @DefaultValue("") String exportRoot) {

    /** The export root: {@code exportRoot}, or {@code <data-dir>/exports} when it is not set. */
    public Path exportRootPath() {
        return exportRoot == null || exportRoot.isBlank() ? dataDir.resolve("exports") : Path.of(exportRoot);
    }
}
