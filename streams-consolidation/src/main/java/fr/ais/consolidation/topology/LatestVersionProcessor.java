package fr.ais.consolidation.topology;

import fr.ais.consolidation.rules.LatestVersion;
import fr.ais.schemas.KeptVersion;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SessionKey;
import fr.ais.schemas.SessionMemberChange;
import fr.ais.schemas.SourceRecordKey;
import fr.ais.registry.AvroSerdeFactory;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * SPEC §4 rule 1: keeps the latest version of each source record and tells the session grouping
 * what changed. A version older than the one kept is ignored, whatever the arrival order; a
 * replayed version is ignored too. When a newer version changes the session number, the record
 * leaves its old session (a change with no event) before it joins the new one. Only the kept
 * version's stamp is stored ({@link KeptVersion}): the event itself is kept by its session.
 */
final class LatestVersionProcessor implements Processor<SourceRecordKey, PrescriptionEvent, SessionKey, SessionMemberChange> {

    private KeyValueStore<SourceRecordKey, KeptVersion> latest;
    private ProcessorContext<SessionKey, SessionMemberChange> context;

    /** The processor with the store it owns: the kept version's stamp per source record. */
    static ProcessorSupplier<SourceRecordKey, PrescriptionEvent, SessionKey, SessionMemberChange> supplier(
            AvroSerdeFactory serdes) {
        StoreBuilder<KeyValueStore<SourceRecordKey, KeptVersion>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.LATEST_VERSIONS),
                serdes.forKeys(SourceRecordKey.class), serdes.forValues(KeptVersion.class));
        return new ProcessorSupplier<>() {
            @Override
            public Processor<SourceRecordKey, PrescriptionEvent, SessionKey, SessionMemberChange> get() {
                return new LatestVersionProcessor();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(ProcessorContext<SessionKey, SessionMemberChange> context) {
        this.context = context;
        this.latest = context.getStateStore(StoreNames.LATEST_VERSIONS);
    }

    @Override
    public void process(Record<SourceRecordKey, PrescriptionEvent> record) {
        PrescriptionEvent candidate = record.value();
        if (record.key() == null || candidate == null) {
            return; // source topics carry no tombstones; nothing to retract
        }
        KeptVersion stamp = LatestVersion.stampOf(candidate);
        KeptVersion kept = latest.get(record.key());
        if (!LatestVersion.replaces(stamp, kept)) {
            return;
        }
        latest.put(record.key(), stamp);
        if (kept != null && !kept.getSessionNumber().equals(candidate.getSessionNumber())) {
            context.forward(record.withKey(new SessionKey(kept.getSessionNumber()))
                    .withValue(new SessionMemberChange(record.key(), null)));
        }
        context.forward(record.withKey(new SessionKey(candidate.getSessionNumber()))
                .withValue(new SessionMemberChange(record.key(), candidate)));
    }
}
