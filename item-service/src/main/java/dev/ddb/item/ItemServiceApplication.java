package dev.ddb.item;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The data plane: items, keys and (later) expressions, queries, batches and transactions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ItemServiceApplication {

    /** Reads item-service.yml rather than application.yml, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ItemServiceApplication.class)
                .properties("spring.config.name=item-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
