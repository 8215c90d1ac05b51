package dev.ddb.gateway.downstream;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.ddb.gateway.GatewayProperties;

/** The HTTP client for calls to the downstream services (Boot 4 no longer auto-configures WebClient here). */
@Configuration(proxyBeanMethods = false)
class DownstreamHttpConfiguration {

    /** Pooled connections; idle ones are dropped before a downstream server would close them under us. */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider downstreamConnections() {
        return ConnectionProvider.builder("ddb-gateway-downstream")
                .maxConnections(500)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    WebClient downstreamWebClient(ConnectionProvider downstreamConnections, GatewayProperties properties) {
        HttpClient http = HttpClient.create(downstreamConnections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis());
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                // Answers such as BatchGetItem or Query reach 16 MB; the default buffer limit is 256 KB.
                .codecs(codecs -> codecs.defaultCodecs()
                        .maxInMemorySize((int) properties.maxResponseSize().toBytes()))
                .build();
    }
}
