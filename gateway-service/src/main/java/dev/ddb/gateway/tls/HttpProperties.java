package dev.ddb.gateway.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's plain HTTP listener ({@code server.port}, 8000), under {@code ddb.gateway.http}:
 * {@code DDB_GATEWAY_HTTP_ENABLED=false} leaves only HTTPS ({@link TlsProperties}).
 */
@ConfigurationProperties("ddb.gateway.http")
public record HttpProperties(@DefaultValue("true") boolean enabled) {
}
