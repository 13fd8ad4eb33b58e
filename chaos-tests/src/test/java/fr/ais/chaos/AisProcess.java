package fr.ais.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One {@code ais} command in a JVM of its own, as an operator runs it: killed with {@code kill -9}
 * ({@link Process#destroyForcibly()}) or stopped with SIGTERM ({@link Process#destroy()}). Its output goes to a log
 * file of its own, kept with the test's files.
 */
record AisProcess(String name, Process process, Path log) {

    /** Every process started and not yet ended: killed when this JVM exits, so a failed or aborted test leaves none. */
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "chaos-children-cleanup"));
    }

    /** Starts {@code ais args...} with {@code env} added to this JVM's environment. */
    static AisProcess start(Path dir, String name, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                AisCommand.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path log = Files.createTempFile(dir, name + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        STARTED.add(process);
        process.onExit().thenRun(() -> STARTED.remove(process));
        return new AisProcess(name, process, log);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as(name + " killed").isTrue();
    }

    /** SIGTERM: the shutdown hooks close it cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Waits for it to end; its exit code. */
    int await(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)).as(name + " ended: " + output()).isTrue();
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
