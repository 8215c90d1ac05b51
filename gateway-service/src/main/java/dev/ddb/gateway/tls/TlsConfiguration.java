package dev.ddb.gateway.tls;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The gateway's listeners: HTTP on {@code server.port} (8000) unless {@code ddb.gateway.http.enabled=false},
 * HTTPS on {@code ddb.gateway.tls.port} (8443) unless {@code ddb.gateway.tls.enabled=false}, with the
 * operator's keystore or a kept self-signed certificate.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

    /** Replaces Spring Boot's own factory bean, set up as its auto-configuration would set it up. */
    @Bean
    GatewayWebServerFactory gatewayWebServerFactory(HttpProperties http, TlsProperties tls, ReactorResourceFactory resourceFactory,
                                                    ObjectProvider<NettyRouteProvider> routes,
                                                    ObjectProvider<NettyServerCustomizer> serverCustomizers) {
        ServerCertificate certificate = tls.enabled() ? certificate(tls) : null;
        GatewayWebServerFactory factory = new GatewayWebServerFactory(http.enabled(), tls.port(), certificate);
        factory.setResourceFactory(resourceFactory);
        routes.orderedStream().forEach(factory::addRouteProviders);
        factory.getServerCustomizers().addAll(serverCustomizers.orderedStream().toList());
        return factory;
    }

    private static ServerCertificate certificate(TlsProperties tls) {
        if (tls.hasKeystore()) {
            return OperatorKeystore.load(tls);
        }
        if (tls.certificateDir() == null) {
            throw new IllegalStateException("ddb.gateway.tls.certificate-dir (DDB_GATEWAY_TLS_CERTIFICATE_DIR) must be set "
                    + "to keep the self-signed certificate, or ddb.gateway.tls.keystore to serve your own");
        }
        return SelfSignedCertificate.loadOrCreate(tls.certificateDir(), tls.hostNames(), Clock.systemUTC());
    }
}
