package dev.ddb.stream;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Stream-service: its operations arrive in a later issue; it already runs, answers health and joins the stack. */
@SpringBootApplication
public class StreamServiceApplication {

    /** Reads stream-service.yml rather than application.yml, so several services can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(StreamServiceApplication.class)
                .properties("spring.config.name=stream-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
