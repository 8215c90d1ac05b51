package dev.ddb.gateway.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ddb.gateway.access}.
 *
 * @param keySchemaExpiry how long a table's key schema, looked up for {@code dynamodb:LeadingKeys},
 *                        is reused (env {@code DDB_GATEWAY_ACCESS_KEY_SCHEMA_EXPIRY}); CreateTable,
 *                        DeleteTable, restores and imports through this gateway drop it at once
 */
@ConfigurationProperties("ddb.gateway.access")
public record AccessPolicyProperties(@DefaultValue("5s") Duration keySchemaExpiry) {
}
