package soc.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logback configurations for the JVMs this library owns (InfraMain and the Kafka child). Both are passed with
 * {@code -Dlogback.configurationFile}, which takes precedence over any logback(-test).xml on the classpath of the
 * module that happens to run us.
 */
final class LoggingConfig {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private LoggingConfig() {
    }

    /** Everything at INFO to stdout; used where stdout is already redirected to a log file. */
    static void writeConsoleConfig(Path file) throws IOException {
        write(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%s</pattern></encoder>
                  </appender>
                  <logger name="state.change.logger" level="WARN"/>
                  <logger name="kafka.request.logger" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """.formatted(PATTERN));
    }

    /** Everything at INFO to {@code logFile}; keeps library chatter (zonky, Kafka admin client) off the console. */
    static void writeFileConfig(Path file, Path logFile) throws IOException {
        write(file, """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%s</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(logFile, PATTERN));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
