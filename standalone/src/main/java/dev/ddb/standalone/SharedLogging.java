package dev.ddb.standalone;

import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The five services' contexts share the launcher's Logback, configured once from logback.xml when
 * the launcher first logs, before the embedded broker starts. Left to itself, Spring Boot resets
 * Logback and reads logback.xml again as each context starts; whatever the broker's threads logged
 * in that gap had no appender, and Logback printed "No appenders present in context [default]" (in
 * about 1 start in 25). So Spring Boot's logging system is off in this JVM, and the one thing it did
 * besides, routing java.util.logging into SLF4J, is done here.
 */
final class SharedLogging {

    private SharedLogging() {
    }

    /** Before the first context starts; keeps a logging system someone chose with the system property. */
    static void keepTheLaunchersLogging() {
        if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
