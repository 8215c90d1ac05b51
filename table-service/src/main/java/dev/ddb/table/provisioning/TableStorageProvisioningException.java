package dev.ddb.table.provisioning;

/** item-service did not confirm a provisioning call: it failed, answered an error, or did not answer in time. */
public class TableStorageProvisioningException extends RuntimeException {

    public TableStorageProvisioningException(String message) {
        super(message);
    }

    public TableStorageProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
