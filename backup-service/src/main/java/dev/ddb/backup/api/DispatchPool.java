package dev.ddb.backup.api;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ddb.backup.BackupServiceProperties;
import dev.ddb.backup.export.DescribeExportOperation;
import dev.ddb.backup.export.ExportTableToPointInTimeOperation;
import dev.ddb.backup.export.ListExportsOperation;
import dev.ddb.backup.export.TransferCatalog;
import dev.ddb.backup.imports.DescribeImportOperation;
import dev.ddb.backup.imports.ImportTableOperation;
import dev.ddb.backup.imports.ListImportsOperation;
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
import dev.ddb.common.encryption.MasterKey;
import dev.ddb.common.metrics.CloudWatchMeters;
import dev.ddb.common.protocol.OperationDispatcher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * backup-service's operations, the bounded pool they run on (for its own endpoint and for the
 * gateway's in-process calls), and its storage.
 */
@Configuration(proxyBeanMethods = false)
class DispatchPool {

    @Bean(destroyMethod = "close")
    BackupCatalog backupCatalog(BackupServiceProperties properties, MasterKey masterKey) {
        return new BackupCatalog(properties.dataDir(), masterKey);
    }

    @Bean
    BackupFiles backupFiles(BackupServiceProperties properties, MasterKey masterKey) {
        return new BackupFiles(properties.dataDir(), masterKey);
    }

    @Bean(destroyMethod = "close")
    TransferCatalog transferCatalog(BackupServiceProperties properties, MasterKey masterKey) {
        return new TransferCatalog(properties.dataDir(), masterKey);
    }

    @Bean(destroyMethod = "close")
    PitrCatalog pitrCatalog(BackupServiceProperties properties, MasterKey masterKey) {
        return new PitrCatalog(properties.dataDir(), masterKey);
    }

    @Bean(destroyMethod = "close")
    PitrArchives pitrArchives(PitrCatalog catalog, BackupServiceProperties properties, MasterKey masterKey) {
        return new PitrArchives(catalog, properties.dataDir(), masterKey, properties.pitrSegmentBytes());
    }

    @Bean
    OperationDispatcher backupOperations(CreateBackupOperation createBackup, DescribeBackupOperation describeBackup,
                                         ListBackupsOperation listBackups, DeleteBackupOperation deleteBackup,
                                         RestoreTableFromBackupOperation restoreTableFromBackup,
                                         UpdateContinuousBackupsOperation updateContinuousBackups,
                                         DescribeContinuousBackupsOperation describeContinuousBackups,
                                         RestoreTableToPointInTimeOperation restoreTableToPointInTime,
                                         ExportTableToPointInTimeOperation exportTableToPointInTime,
                                         DescribeExportOperation describeExport, ListExportsOperation listExports,
                                         ImportTableOperation importTable, DescribeImportOperation describeImport,
                                         ListImportsOperation listImports) {
        return new OperationDispatcher(Map.ofEntries(
                Map.entry("CreateBackup", createBackup),
                Map.entry("DescribeBackup", describeBackup),
                Map.entry("ListBackups", listBackups),
                Map.entry("DeleteBackup", deleteBackup),
                Map.entry("RestoreTableFromBackup", restoreTableFromBackup),
                Map.entry("UpdateContinuousBackups", updateContinuousBackups),
                Map.entry("DescribeContinuousBackups", describeContinuousBackups),
                Map.entry("RestoreTableToPointInTime", restoreTableToPointInTime),
                Map.entry("ExportTableToPointInTime", exportTableToPointInTime),
                Map.entry("DescribeExport", describeExport),
                Map.entry("ListExports", listExports),
                Map.entry("ImportTable", importTable),
                Map.entry("DescribeImport", describeImport),
                Map.entry("ListImports", listImports)));
    }

    @Bean(destroyMethod = "close")
    BlockingDispatcher blockingDispatcher(OperationDispatcher operations, @Value("${ddb.dispatch.threads:0}") int threads,
                                          MeterRegistry meters, @Value("${management.metrics.enable.dynamodb:true}") boolean metered) {
        return new BlockingDispatcher("backup-service", CloudWatchMeters.observe(operations, meters, metered), threads);
    }
}
