package dev.ddb.gateway.tls;

import org.springframework.boot.ssl.SslOptions;

/** TLS 1.2 and 1.3 only: older versions are deprecated (RFC 8996) and AWS's own endpoints refuse them. */
final class TlsProtocols {

    static final SslOptions OPTIONS = SslOptions.of(null, new String[] {"TLSv1.3", "TLSv1.2"});

    private TlsProtocols() {
    }
}
