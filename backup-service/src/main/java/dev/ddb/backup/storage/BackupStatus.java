package dev.ddb.backup.storage;

/** DynamoDB's BackupStatus; a backup is only stored CREATING or AVAILABLE (DELETED is what DeleteBackup answers). */
public enum BackupStatus {
    CREATING, AVAILABLE, DELETED
}
