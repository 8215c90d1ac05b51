package dev.ddb.standalone.backup;

import java.time.Duration;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDescription;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Waits for backups and restores, as a client polls DescribeBackup and DescribeTable. */
final class Backups {

    private Backups() {
    }

    static BackupDescription awaitAvailable(DynamoDbClient client, String backupArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            BackupDescription description = client.describeBackup(r -> r.backupArn(backupArn)).backupDescription();
            if (description.backupDetails().backupStatus() == BackupStatus.AVAILABLE) {
                return description;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backup " + backupArn + " still " + description.backupDetails().backupStatus());
            }
            sleep();
        }
    }

    static TableDescription awaitActive(DynamoDbClient client, String tableName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableDescription table = client.describeTable(r -> r.tableName(tableName)).table();
            if (table.tableStatus() == TableStatus.ACTIVE) {
                return table;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("table " + tableName + " still " + table.tableStatus());
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
