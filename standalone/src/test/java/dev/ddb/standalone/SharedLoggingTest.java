package dev.ddb.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;

class SharedLoggingTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
        } else {
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, before);
        }
    }

    @Test
    void springBootLeavesLogbackAsTheLauncherConfiguredIt() {
        System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);

        SharedLogging.keepTheLaunchersLogging();

        assertEquals(LoggingSystem.NONE, System.getProperty(LoggingSystem.SYSTEM_PROPERTY));
    }

    @Test
    void javaUtilLoggingGoesToSlf4jAsSpringBootWouldHaveMadeIt() {
        SharedLogging.keepTheLaunchersLogging();

        assertTrue(SLF4JBridgeHandler.isInstalled());
        assertTrue(Arrays.stream(Logger.getLogger("").getHandlers()).allMatch(SLF4JBridgeHandler.class::isInstance),
                "the JDK's console handler is replaced, or every JUL record would be printed twice");
    }

    @Test
    void aLoggingSystemChosenByTheUserIsKept() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, "org.springframework.boot.logging.logback.LogbackLoggingSystem");

        SharedLogging.keepTheLaunchersLogging();

        assertEquals("org.springframework.boot.logging.logback.LogbackLoggingSystem", System.getProperty(LoggingSystem.SYSTEM_PROPERTY));
    }
}
