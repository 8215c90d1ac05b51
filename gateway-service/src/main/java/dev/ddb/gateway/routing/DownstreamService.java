package dev.ddb.gateway.routing;

/** The services behind the gateway, each owning a set of DynamoDB operations. */
public enum DownstreamService {
    TABLE("table-service"),
    ITEM("item-service"),
    STREAM("stream-service"),
    BACKUP("backup-service");

    private final String serviceName;

    DownstreamService(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The service's application name, also used to name its circuit breaker. */
    public String serviceName() {
        return serviceName;
    }
}
