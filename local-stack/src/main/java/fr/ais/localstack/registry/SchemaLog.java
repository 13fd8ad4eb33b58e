package fr.ais.localstack.registry;

import java.util.function.Consumer;

/**
 * Where the local registry keeps what it was told, so that it survives a restart: replayed whole on start,
 * then appended to before each change is applied (write-through).
 */
public interface SchemaLog extends AutoCloseable {

    /** Feeds every entry, oldest first, to {@code apply}. */
    void replay(Consumer<LogEntry> apply);

    /** Stores {@code entry} durably; returns once it is. */
    void append(LogEntry entry);

    @Override
    void close();
}
