package dev.ddb.gateway.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;

/**
 * The gateway's listeners as the one web server Spring Boot starts and stops: plain HTTP and/or
 * HTTPS, each a Reactor Netty server with the same handler and pipeline customizers.
 * {@link #getPort()} (Spring's {@code local.server.port}) is the HTTP port, or the HTTPS port when
 * HTTP is off.
 */
public final class GatewayWebServer implements WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayWebServer.class);

    private final WebServer http;
    private final WebServer https;
    private final ServerCertificate certificate;

    GatewayWebServer(WebServer http, WebServer https, ServerCertificate certificate) {
        if (http == null && https == null) {
            throw new IllegalArgumentException("no listener");
        }
        this.http = http;
        this.https = https;
        this.certificate = certificate;
    }

    public OptionalInt httpPort() {
        return http == null ? OptionalInt.empty() : OptionalInt.of(http.getPort());
    }

    public OptionalInt httpsPort() {
        return https == null ? OptionalInt.empty() : OptionalInt.of(https.getPort());
    }

    /** The certificate the HTTPS listener serves; empty when HTTPS is off. */
    public Optional<ServerCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public void start() throws WebServerException {
        if (http != null) {
            http.start();
        }
        if (https != null) {
            try {
                https.start();
            } catch (RuntimeException e) {
                if (http != null) {
                    http.stop();
                }
                throw e;
            }
            LOG.info("HTTPS on port {} (TLS 1.2 and 1.3) with the certificate {}, SHA-256 fingerprint {}{}", https.getPort(),
                    certificate.source(), certificate.sha256Fingerprint(),
                    certificate.pemFile().map(pem -> "; clients trust it with " + pem + " (AWS_CA_BUNDLE, --ca-bundle, verify=)").orElse(""));
        }
        if (http == null) {
            LOG.info("Plain HTTP is off (ddb.gateway.http.enabled=false): HTTPS only");
        }
    }

    @Override
    public void stop() throws WebServerException {
        RuntimeException failure = null;
        for (WebServer server : listeners()) {
            try {
                server.stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public int getPort() {
        return http != null ? http.getPort() : https.getPort();
    }

    /** Both listeners stop taking requests together; done when both are, with the worse of their results. */
    @Override
    public void shutDownGracefully(GracefulShutdownCallback callback) {
        List<WebServer> listeners = listeners();
        AtomicInteger pending = new AtomicInteger(listeners.size());
        AtomicReference<GracefulShutdownResult> worst = new AtomicReference<>(GracefulShutdownResult.IDLE);
        for (WebServer server : listeners) {
            server.shutDownGracefully(result -> {
                worst.accumulateAndGet(result, (a, b) -> a == GracefulShutdownResult.REQUESTS_ACTIVE || b == GracefulShutdownResult.IDLE ? a : b);
                if (pending.decrementAndGet() == 0) {
                    callback.shutdownComplete(worst.get());
                }
            });
        }
    }

    @Override
    public void destroy() {
        listeners().forEach(WebServer::destroy);
    }

    private List<WebServer> listeners() {
        List<WebServer> listeners = new ArrayList<>(2);
        if (http != null) {
            listeners.add(http);
        }
        if (https != null) {
            listeners.add(https);
        }
        return listeners;
    }
}
