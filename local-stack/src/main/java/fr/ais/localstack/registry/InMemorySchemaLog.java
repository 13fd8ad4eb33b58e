package fr.ais.localstack.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A schema log in memory: survives a registry restart within one JVM. For tests. */
public final class InMemorySchemaLog implements SchemaLog {

    private final List<String[]> records = new CopyOnWriteArrayList<>();

    @Override
    public void replay(Consumer<LogEntry> apply) {
        records.forEach(r -> apply.accept(LogEntry.parse(r[0], r[1])));
    }

    @Override
    public void append(LogEntry entry) {
        records.add(new String[] {entry.key(), entry.value()});
    }

    public int size() {
        return records.size();
    }

    @Override
    public void close() {
        // nothing held
    }
}
