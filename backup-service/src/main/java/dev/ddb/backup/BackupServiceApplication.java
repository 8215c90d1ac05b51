package dev.ddb.backup;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** backup-service: on-demand backups (CreateBackup, ...) and restores from them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BackupServiceApplication {

    /** Reads backup-service.yml rather than application.yml, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BackupServiceApplication.class)
                .properties("spring.config.name=backup-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
