package dev.ddb.table;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The control plane: CreateTable, DescribeTable, ListTables, DeleteTable. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TableServiceApplication {

    /**
     * The application with its own config file name, so that several services can run in one JVM
     * (the standalone launcher) without reading each other's settings.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TableServiceApplication.class)
                .properties("spring.config.name=table-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
