package fr.ais.localstack.registry;

import fr.ais.registry.InMemorySchemaRegistry.Change;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A schema log in memory: survives a registry restart within one JVM. For tests. */
public final class InMemorySchemaLog implements SchemaLog {

    private final List<String[]> records = new CopyOnWriteArrayList<>();

    @Override
    public void replay(Consumer<Change> apply) {
        records.forEach(r -> apply.accept(SchemaLogRecord.parse(r[0], r[1])));
    }

    @Override
    public void append(Change change) {
        records.add(new String[] {SchemaLogRecord.key(change), SchemaLogRecord.value(change)});
    }

    public int size() {
        return records.size();
    }

    @Override
    public void close() {
        // nothing held
    }
}
