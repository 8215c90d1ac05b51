package dev.ddb.backup.api;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.ondemand.CreateBackupOperation;
import dev.ddb.backup.ondemand.DeleteBackupOperation;
import dev.ddb.backup.ondemand.DescribeBackupOperation;
import dev.ddb.backup.ondemand.ListBackupsOperation;
import dev.ddb.backup.pitr.DescribeContinuousBackupsOperation;
import dev.ddb.backup.pitr.PitrArchives;
import dev.ddb.backup.pitr.PitrCatalog;
import dev.ddb.backup.pitr.RestoreTableToPointInTimeOperation;
import dev.ddb.backup.pitr.UpdateContinuousBackupsOperation;
import dev.ddb.backup.restore.RestoreTableFromBackupOperation;
import dev.ddb.backup.storage.BackupCatalog;
import dev.ddb.backup.storage.BackupFiles;
import dev.ddb.common.protocol.BlockingDispatcher;
import dev.ddb.common.protocol.OperationDispatcher;

/**
 * backup-service's operations, the bounded pool they run on (for its own endpoint and for the
 * gateway's in-process calls), and its storage. Exports are not implemented yet: their targets
 * answer UnknownOperationException rather than pretending.
 */
@Configuration(proxyBeanMethods = false)
class DispatchPool {

    @Bean(destroyMethod = "close")
    BackupCatalog backupCatalog(BackupServiceProperties properties) {
        return new BackupCatalog(properties.dataDir());
    }

    @Bean
    BackupFiles backupFiles(BackupServiceProperties properties) {
        return new BackupFiles(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    PitrCatalog pitrCatalog(BackupServiceProperties properties) {
        return new PitrCatalog(properties.dataDir());
    }

    @Bean(destroyMethod = "close")
    PitrArchives pitrArchives(PitrCatalog catalog, BackupServiceProperties properties) {
        return new PitrArchives(catalog, properties.dataDir(), properties.pitrSegmentBytes());
    }

    @Bean
    OperationDispatcher backupOperations(CreateBackupOperation createBackup, DescribeBackupOperation describeBackup,
                                         ListBackupsOperation listBackups, DeleteBackupOperation deleteBackup,
                                         RestoreTableFromBackupOperation restoreTableFromBackup,
                                         UpdateContinuousBackupsOperation updateContinuousBackups,
                                         DescribeContinuousBackupsOperation describeContinuousBackups,
                                         RestoreTableToPointInTimeOperation restoreTableToPointInTime) {
        return new OperationDispatcher(Map.of(
                "CreateBackup", createBackup,
                "DescribeBackup", describeBackup,
                "ListBackups", listBackups,
                "DeleteBackup", deleteBackup,
                "RestoreTableFromBackup", restoreTableFromBackup,
                "UpdateContinuousBackups", updateContinuousBackups,
                "DescribeContinuousBackups", describeContinuousBackups,
                "RestoreTableToPointInTime", restoreTableToPointInTime));
    }

    @Bean(destroyMethod = "close")
    BlockingDispatcher blockingDispatcher(OperationDispatcher operations, @Value("${ddb.dispatch.threads:0}") int threads) {
        return new BlockingDispatcher("backup-service", operations, threads);
    }
}
