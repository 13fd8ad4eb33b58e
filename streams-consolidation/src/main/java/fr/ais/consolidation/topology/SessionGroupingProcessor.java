package fr.ais.consolidation.topology;

import fr.ais.consolidation.rules.ConsolidationRules;
import fr.ais.consolidation.rules.GroupChange;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SessionKey;
import fr.ais.schemas.SessionMemberChange;
import fr.ais.schemas.SourceRecordKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fr.ais.registry.AvroSerdeFactory;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * SPEC §4 rules 2 to 8, per normalised session: keeps the latest version of every source record of
 * the session, regroups the whole session on each change (union-find over identifiers), consolidates
 * again only the groups the change touches (see {@link ConsolidationRules#consolidateAfterChange}), and
 * emits only the consolidated prescriptions that changed (as they were and as they are), with a
 * removal for every group that dissolved, split or took another id. A group id starts with its
 * session, so the session's task is the only one that ever writes it: the prescriptions by group id
 * are kept here too, with no repartition by group id, and a prefix scan of that store gives the
 * session's groups as last emitted (its keys are the group ids' plain UTF-8, see {@link GroupIdKeySerde}).
 * Regrouping the whole session is what makes a bridge record that disappears split its group back, and
 * the result independent of arrival order.
 */
final class SessionGroupingProcessor
        implements Processor<SessionKey, SessionMemberChange, ConsolidatedPrescriptionKey, GroupChange> {

    /**
     * Separates the session from the member in member-store keys: connectors reject a value holding NUL (a control
     * character), so no session number holds one.
     */
    private static final char SEPARATOR = '\u0000';

    private KeyValueStore<String, PrescriptionEvent> members;
    private KeyValueStore<ConsolidatedPrescriptionKey, ConsolidatedPrescription> byGroupId;
    private ProcessorContext<ConsolidatedPrescriptionKey, GroupChange> context;
    /**
     * The sessions changed last, as the stores hold them, so that a session changing again is not
     * read back with two prefix scans. This task alone writes both stores, so the copy stays exact;
     * bounded, least recently used out.
     */
    private Map<String, SessionState> recent;
    private final int recentSessions;

    /** @param recentSessions sessions whose state is also kept in memory (see {@link ConsolidationConfig#recentSessions}) */
    private SessionGroupingProcessor(int recentSessions) {
        this.recentSessions = recentSessions;
    }

    /**
     * The processor with the stores it owns: each member's latest version, keyed by session then member,
     * and the prescriptions by group id (plain UTF-8 keys, for prefix scans by session).
     */
    static ProcessorSupplier<SessionKey, SessionMemberChange, ConsolidatedPrescriptionKey, GroupChange> supplier(
            int recentSessions, AvroSerdeFactory serdes) {
        Set<StoreBuilder<?>> stores = Set.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.SESSION_MEMBERS),
                        Serdes.String(), serdes.forValues(PrescriptionEvent.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CONSOLIDATED),
                        new GroupIdKeySerde(), serdes.forValues(ConsolidatedPrescription.class)));
        return new ProcessorSupplier<>() {
            @Override
            public Processor<SessionKey, SessionMemberChange, ConsolidatedPrescriptionKey, GroupChange> get() {
                return new SessionGroupingProcessor(recentSessions);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
    }

    @Override
    public void init(ProcessorContext<ConsolidatedPrescriptionKey, GroupChange> context) {
        this.context = context;
        this.members = context.getStateStore(StoreNames.SESSION_MEMBERS);
        this.byGroupId = context.getStateStore(StoreNames.CONSOLIDATED);
        // a new map on every init: the stores may have been wiped and restored since the last one
        int bound = recentSessions;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SessionState> eldest) {
                return size() > bound;
            }
        };
    }

    @Override
    public void close() {
        if (recent != null) {
            recent.clear();
        }
    }

    @Override
    public void process(Record<SessionKey, SessionMemberChange> record) {
        String session = record.key().getSessionNumber();
        SessionMemberChange change = record.value();
        // taken out while it changes: a failure half-way leaves no stale copy behind
        SessionState state = recent.remove(session);
        if (state == null) {
            state = new SessionState(membersOf(session), emittedGroupsOf(session));
        }
        String memberKey = memberKey(session, change.getMember());
        if (change.getEvent() == null) {
            members.delete(memberKey);
            state.members().remove(memberKey);
        } else {
            members.put(memberKey, change.getEvent());
            state.members().put(memberKey, change.getEvent());
        }

        Map<String, ConsolidatedPrescription> previous = state.groups();
        List<ConsolidatedPrescription> now = ConsolidationRules.consolidateAfterChange(session,
                state.members().values(), previous, change.getMember().getSource(),
                change.getMember().getSourceKey());
        Map<String, ConsolidatedPrescription> current = new HashMap<>();
        for (ConsolidatedPrescription group : now) {
            current.put(group.getGroupId(), group);
            ConsolidatedPrescription was = previous.get(group.getGroupId());
            if (!group.equals(was)) {
                ConsolidatedPrescriptionKey key = new ConsolidatedPrescriptionKey(group.getGroupId());
                byGroupId.put(key, group);
                context.forward(record.withKey(key).withValue(new GroupChange(was, group)));
            }
        }
        for (Map.Entry<String, ConsolidatedPrescription> gone : previous.entrySet()) {
            if (!current.containsKey(gone.getKey())) {
                ConsolidatedPrescriptionKey key = new ConsolidatedPrescriptionKey(gone.getKey());
                byGroupId.delete(key);
                context.forward(record.withKey(key).withValue(new GroupChange(gone.getValue(), null)));
            }
        }
        recent.put(session, new SessionState(state.members(), current));
    }

    /** What the stores hold for one session: members by member key, groups as last emitted by group id. */
    private record SessionState(Map<String, PrescriptionEvent> members, Map<String, ConsolidatedPrescription> groups) {
    }

    /** The session's groups as last emitted, by group id ("S/x" also prefixes session "S/x"'s ids: filtered). */
    private Map<String, ConsolidatedPrescription> emittedGroupsOf(String session) {
        Map<String, ConsolidatedPrescription> result = new HashMap<>();
        try (KeyValueIterator<ConsolidatedPrescriptionKey, ConsolidatedPrescription> it = byGroupId.prefixScan(
                new ConsolidatedPrescriptionKey(ConsolidationRules.groupIdPrefix(session)), GroupIdKeySerde.SERIALIZER)) {
            while (it.hasNext()) {
                ConsolidatedPrescription group = it.next().value;
                if (group.getSessionNumber().equals(session)) {
                    result.put(group.getGroupId(), group);
                }
            }
        }
        return result;
    }

    private Map<String, PrescriptionEvent> membersOf(String session) {
        Map<String, PrescriptionEvent> result = new HashMap<>(); // the rules sort the members themselves
        try (KeyValueIterator<String, PrescriptionEvent> it =
                members.prefixScan(session + SEPARATOR, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, PrescriptionEvent> next = it.next();
                result.put(next.key, next.value);
            }
        }
        return result;
    }

    static String memberKey(String session, SourceRecordKey member) {
        return session + SEPARATOR + member.getSource() + SEPARATOR + member.getSourceKey();
    }
}
