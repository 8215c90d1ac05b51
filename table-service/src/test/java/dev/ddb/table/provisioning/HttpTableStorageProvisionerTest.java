package dev.ddb.table.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.ddb.common.table.AttributeDefinition;
import dev.ddb.common.table.KeySchema;
import dev.ddb.common.table.ProvisionedThroughputDescription;
import dev.ddb.common.table.ScalarAttributeType;
import dev.ddb.common.table.TableDescription;
import dev.ddb.common.table.TableDescriptionJson;
import dev.ddb.common.table.TableStatus;
import dev.ddb.table.TableServiceProperties;

/** The HTTP client of item-service's table storage, against a stub server: the table goes as the codec's JSON. */
class HttpTableStorageProvisionerTest {

    private HttpServer server;
    private final AtomicReference<String> request = new AtomicReference<>();
    private final AtomicReference<byte[]> body = new AtomicReference<>();
    private volatile int status = 200;
    private HttpTableStorageProvisioner provisioner;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            request.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            body.set(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        URI itemService = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        provisioner = new HttpTableStorageProvisioner(new TableServiceProperties(Path.of("unused"), itemService,
                "000000000000", Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheTableAsItsDescriptionJson() {
        TableDescription table = new TableDescription("Music", "id-1", "arn:aws:dynamodb:us-east-1:000000000000:table/Music",
                TableStatus.ACTIVE, Instant.ofEpochMilli(1764500000123L),
                List.of(new AttributeDefinition("Artist", ScalarAttributeType.S)),
                KeySchema.hashOnly("Artist", ScalarAttributeType.S), ProvisionedThroughputDescription.of(5, 5), null,
                List.of(), List.of(), null, null, null, false, 0, 0, null);

        provisioner.provision(table);

        assertThat(request.get()).isEqualTo("POST /internal/tables");
        assertThat(body.get()).isEqualTo(TableDescriptionJson.toBytes(table));
        assertThat(TableDescriptionJson.fromBytes(body.get())).isEqualTo(table);
    }

    @Test
    void anErrorAnswerIsNoConfirmation() {
        status = 500;
        TableDescription table = new TableDescription("Music", "id-1", "arn", TableStatus.ACTIVE, Instant.EPOCH,
                List.of(new AttributeDefinition("Artist", ScalarAttributeType.S)),
                KeySchema.hashOnly("Artist", ScalarAttributeType.S), ProvisionedThroughputDescription.onDemand(), null,
                List.of(), List.of(), null, null, null, false, 0, 0, null);

        assertThrows(TableStorageProvisioningException.class, () -> provisioner.provision(table));
    }

    @Test
    void droppingATableItemServiceDoesNotKnowIsConfirmed() {
        status = 404;

        provisioner.deprovision("Music 2024");

        assertThat(request.get()).isEqualTo("DELETE /internal/tables/Music+2024");
    }
}
