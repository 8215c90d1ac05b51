package dev.ddb.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The public DynamoDB endpoint: authenticates, routes each operation to its service, and relays the answer. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayServiceApplication {

    /** Reads gateway-service.yml rather than application.yml, because the standalone launcher runs every service in one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayServiceApplication.class)
                .properties("spring.config.name=gateway-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
