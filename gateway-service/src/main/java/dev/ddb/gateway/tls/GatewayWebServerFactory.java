package dev.ddb.gateway.tls;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServer;
import org.springframework.http.server.reactive.HttpHandler;

/**
 * Spring Boot's Netty server factory, making a second server for HTTPS: each listener is built by
 * the same factory from the same settings (NettyServerCustomizers such as the DynamoDB endpoint on
 * the pipeline, header limits, resources, shutdown) and serves the same {@link HttpHandler}; the
 * HTTPS one differs only in its port and its SSL bundle. Spring Boot customizes this factory as it
 * would its own ({@code server.*}), since it is the application's NettyReactiveWebServerFactory.
 */
public class GatewayWebServerFactory extends NettyReactiveWebServerFactory {

    private static final String BUNDLE = "ddb-gateway-tls";

    private final boolean httpEnabled;
    private final int httpsPort;
    private final ServerCertificate certificate;

    /** {@code certificate} null: no HTTPS listener. */
    GatewayWebServerFactory(boolean httpEnabled, int httpsPort, ServerCertificate certificate) {
        if (!httpEnabled && certificate == null) {
            throw new IllegalStateException("ddb.gateway.http.enabled=false (DDB_GATEWAY_HTTP_ENABLED) and "
                    + "ddb.gateway.tls.enabled=false (DDB_GATEWAY_TLS_ENABLED): the gateway would listen nowhere; enable one of them");
        }
        this.httpEnabled = httpEnabled;
        this.httpsPort = httpsPort;
        this.certificate = certificate;
    }

    @Override
    public WebServer getWebServer(HttpHandler httpHandler) {
        WebServer http = httpEnabled ? super.getWebServer(httpHandler) : null;
        WebServer https = certificate == null ? null : httpsServer(httpHandler);
        return new GatewayWebServer(http, https, certificate);
    }

    /**
     * The factory is asked once, at the context's refresh: SSL is set for this one server and put back.
     * The port is a customizer applied after the others, since the factory reads its own port only
     * when a server binds (at start), when it is the HTTP one again.
     */
    private WebServer httpsServer(HttpHandler httpHandler) {
        Ssl ssl = getSsl();
        SslBundles bundles = getSslBundles();
        NettyServerCustomizer onHttpsPort = server -> server.port(httpsPort);
        try {
            Ssl httpsSsl = new Ssl();
            httpsSsl.setBundle(BUNDLE);
            setSsl(httpsSsl);
            setSslBundles(new DefaultSslBundleRegistry(BUNDLE, certificate.bundle()));
            getServerCustomizers().add(onHttpsPort);
            return super.getWebServer(httpHandler);
        } finally {
            getServerCustomizers().remove(onHttpsPort);
            setSsl(ssl);
            setSslBundles(bundles);
        }
    }
}
