package dev.ddb.gateway.downstream;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.ddb.common.protocol.LocalDispatchers;
import dev.ddb.gateway.GatewayProperties;

/**
 * Chooses how the gateway reaches the services: in-process when the standalone launcher registered
 * {@link LocalDispatchers}, otherwise over HTTP (Boot 4 no longer auto-configures WebClient here).
 */
@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

    @Bean
    Downstream downstream(ObjectProvider<LocalDispatchers> localServices, ObjectProvider<WebClient> downstreamWebClient,
            GatewayProperties properties) {
        LocalDispatchers local = localServices.getIfAvailable();
        return local != null ? new InProcessDownstream(local) : new HttpDownstream(downstreamWebClient.getObject(), properties);
    }

    /** Pooled, kept-alive connections; idle ones are dropped before a downstream server would close them under us. */
    @Bean(destroyMethod = "dispose")
    @Lazy
    ConnectionProvider downstreamConnections() {
        return ConnectionProvider.builder("ddb-gateway-downstream")
                .maxConnections(500)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    @Lazy
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
