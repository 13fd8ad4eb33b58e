package fr.ais.localstack.registry;

import fr.ais.registry.InMemorySchemaRegistry.Change;
import java.util.function.Consumer;

/**
 * Where the local registry keeps what it was told, so that it survives a restart: replayed whole on start,
 * then appended to before each change is applied (write-through).
 */
public interface SchemaLog extends AutoCloseable {

    /** Feeds every change, oldest first, to {@code apply}. */
    void replay(Consumer<Change> apply);

    /** Stores {@code change} durably; returns once it is. */
    void append(Change change);

    @Override
    void close();
}
