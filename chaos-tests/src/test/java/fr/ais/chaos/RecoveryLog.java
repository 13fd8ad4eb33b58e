package fr.ais.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The recovery times the scenarios measure with the test's clock: printed, and appended to {@code chaos.report}
 * ({@code target/chaos/recovery.txt}), where docs/reliability.md takes its figures from.
 */
final class RecoveryLog {

    private RecoveryLog() {
    }

    static void record(String scenario, String what, Duration took) {
        String line = String.format("%s %s full=%s | %s | %.1f s", Instant.now(), scenario,
                ChaosSizes.current().full(), what, took.toMillis() / 1000.0);
        System.out.println("chaos: " + line);
        String report = System.getProperty("chaos.report");
        if (report != null) {
            try {
                Path file = Path.of(report);
                Files.createDirectories(file.getParent());
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("chaos: cannot write " + report + ": " + e.getMessage());
            }
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
