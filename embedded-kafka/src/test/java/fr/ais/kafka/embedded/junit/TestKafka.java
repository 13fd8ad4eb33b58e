package fr.ais.kafka.embedded.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** A real broker for one test: its address, and unique names and directories so tests never share state. */
public final class TestKafka {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private final String bootstrapServers;

    TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A name no other test of this JVM gets (topics, application ids, transactional ids). */
    public String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new empty directory, e.g. a Kafka Streams state dir. */
    public Path newStateDir() {
        try {
            return Files.createTempDirectory("ais-test-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Client properties that reach the broker. */
    public Map<String, Object> clientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers);
    }
}
