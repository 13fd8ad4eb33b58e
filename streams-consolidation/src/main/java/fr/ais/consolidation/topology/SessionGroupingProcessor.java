package fr.ais.consolidation.topology;

import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SessionKey;
import fr.ais.schemas.SessionMemberChange;
import fr.ais.schemas.SourceRecordKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * SPEC §4 rules 2 to 8, per normalised session: keeps the latest version of every source record of
 * the session, regroups the session from scratch on each change (union-find over identifiers), and
 * emits only the consolidated prescriptions that changed (as they were and as they are), with a
 * removal for every group that dissolved, split or took another id. A group id starts with its
 * session, so the session's task is the only one that ever writes it: the prescriptions by group id
 * are kept here too, with no repartition by group id, and a prefix scan of that store gives the
 * session's groups as last emitted (its keys are the group ids' plain UTF-8, see {@link GroupIdKeySerde}).
 * Regrouping from scratch is what makes a bridge record that disappears split its group back, and
 * the result independent of arrival order.
 */
final class SessionGroupingProcessor
        implements Processor<SessionKey, SessionMemberChange, ConsolidatedPrescriptionKey, GroupChange> {

    /** Separates the session from the member in member-store keys; connectors strip white space, not NUL. */
    private static final char SEPARATOR = '\u0000';

    private KeyValueStore<String, PrescriptionEvent> members;
    private KeyValueStore<ConsolidatedPrescriptionKey, ConsolidatedPrescription> byGroupId;
    private ProcessorContext<ConsolidatedPrescriptionKey, GroupChange> context;

    @Override
    public void init(ProcessorContext<ConsolidatedPrescriptionKey, GroupChange> context) {
        this.context = context;
        this.members = context.getStateStore(StoreNames.SESSION_MEMBERS);
        this.byGroupId = context.getStateStore(StoreNames.CONSOLIDATED);
    }

    @Override
    public void process(Record<SessionKey, SessionMemberChange> record) {
        String session = record.key().getSessionNumber();
        SessionMemberChange change = record.value();
        String memberKey = memberKey(session, change.getMember());
        if (change.getEvent() == null) {
            members.delete(memberKey);
        } else {
            members.put(memberKey, change.getEvent());
        }

        List<ConsolidatedPrescription> now = ConsolidationRules.consolidate(session, membersOf(session));
        Map<String, ConsolidatedPrescription> previous = emittedGroupsOf(session);

        for (ConsolidatedPrescription group : now) {
            ConsolidatedPrescription was = previous.get(group.getGroupId());
            if (!group.equals(was)) {
                ConsolidatedPrescriptionKey key = new ConsolidatedPrescriptionKey(group.getGroupId());
                byGroupId.put(key, group);
                context.forward(record.withKey(key).withValue(new GroupChange(was, group)));
            }
        }
        java.util.Set<String> current = now.stream().map(ConsolidatedPrescription::getGroupId)
                .collect(Collectors.toSet());
        for (Map.Entry<String, ConsolidatedPrescription> gone : previous.entrySet()) {
            if (!current.contains(gone.getKey())) {
                ConsolidatedPrescriptionKey key = new ConsolidatedPrescriptionKey(gone.getKey());
                byGroupId.delete(key);
                context.forward(record.withKey(key).withValue(new GroupChange(gone.getValue(), null)));
            }
        }
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

    private List<PrescriptionEvent> membersOf(String session) {
        List<PrescriptionEvent> result = new ArrayList<>();
        try (KeyValueIterator<String, PrescriptionEvent> it =
                members.prefixScan(session + SEPARATOR, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, PrescriptionEvent> next = it.next();
                result.add(next.value);
            }
        }
        return result;
    }

    static String memberKey(String session, SourceRecordKey member) {
        return session + SEPARATOR + member.getSource() + SEPARATOR + member.getSourceKey();
    }
}
