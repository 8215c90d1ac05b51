package dev.ddb.table;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of table-service.
 *
 * @param dataDir             where the metadata store file {@code tables.mv.db} lives
 * @param itemServiceUrl      base URL of item-service, which provisions and drops table storage
 * @param accountId           the account id named in table (and so stream) ARNs; the region there is the
 *                            region of the request's signature
 * @param provisioningTimeout how long a call to item-service may take before CreateTable/DeleteTable fail
 * @param streamEventWait     how long CreateTable/UpdateTable wait for Kafka to acknowledge the event of a stream
 *                            they enabled or disabled, so that stream-service knows of it before the next write
 */
@ConfigurationProperties("ddb.table")
public record TableServiceProperties(
        @DefaultValue("./data/table-service") Path dataDir,
        @DefaultValue("http://localhost:8102") URI itemServiceUrl,
        @DefaultValue("000000000000") String accountId,
        @DefaultValue("10s") Duration provisioningTimeout,
        @DefaultValue("5s") Duration streamEventWait) {
}
