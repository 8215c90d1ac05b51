package dev.ddb.gateway.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of four live fake services. Subclasses share one
 * application context (same configuration), so the fakes are static and reset before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway-service")
public abstract class GatewayTestBase {

    protected static final FakeDownstream TABLES = FakeDownstream.start();
    protected static final FakeDownstream ITEMS = FakeDownstream.start();
    protected static final FakeDownstream STREAMS = FakeDownstream.start();
    protected static final FakeDownstream BACKUPS = FakeDownstream.start();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void downstreamUrls(DynamicPropertyRegistry registry) {
        registry.add("ddb.gateway.table-service-url", TABLES::url);
        registry.add("ddb.gateway.item-service-url", ITEMS::url);
        registry.add("ddb.gateway.stream-service-url", STREAMS::url);
        registry.add("ddb.gateway.backup-service-url", BACKUPS::url);
    }

    @BeforeEach
    void resetDownstreams() {
        TABLES.reset();
        ITEMS.reset();
        STREAMS.reset();
        BACKUPS.reset();
    }

    protected RawRequests raw() {
        return new RawRequests(port);
    }
}
