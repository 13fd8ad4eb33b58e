package fr.ais.consolidation.topology;

import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.ConsolidatedPrescriptionKey;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.SessionGroups;
import fr.ais.schemas.SessionKey;
import fr.ais.schemas.SessionMemberChange;
import fr.ais.schemas.SourceRecordKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * emits only the consolidated prescriptions that changed, with a tombstone for every group that
 * dissolved, split or took another id. Regrouping from scratch is what makes a bridge record that
 * disappears split its group back, and the result independent of arrival order.
 */
final class SessionGroupingProcessor
        implements Processor<SessionKey, SessionMemberChange, ConsolidatedPrescriptionKey, ConsolidatedPrescription> {

    /** Separates the session from the member in member-store keys; connectors strip white space, not NUL. */
    private static final char SEPARATOR = '\u0000';

    private final String membersStoreName;
    private final String groupsStoreName;
    private KeyValueStore<String, PrescriptionEvent> members;
    private KeyValueStore<SessionKey, SessionGroups> emitted;
    private ProcessorContext<ConsolidatedPrescriptionKey, ConsolidatedPrescription> context;

    SessionGroupingProcessor(String membersStoreName, String groupsStoreName) {
        this.membersStoreName = membersStoreName;
        this.groupsStoreName = groupsStoreName;
    }

    @Override
    public void init(ProcessorContext<ConsolidatedPrescriptionKey, ConsolidatedPrescription> context) {
        this.context = context;
        this.members = context.getStateStore(membersStoreName);
        this.emitted = context.getStateStore(groupsStoreName);
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
        SessionGroups before = emitted.get(record.key());
        Map<String, ConsolidatedPrescription> previous = before == null ? Map.of()
                : before.getGroups().stream().collect(
                        Collectors.toMap(ConsolidatedPrescription::getGroupId, Function.identity()));

        for (ConsolidatedPrescription group : now) {
            if (!group.equals(previous.get(group.getGroupId()))) {
                context.forward(record.withKey(new ConsolidatedPrescriptionKey(group.getGroupId())).withValue(group));
            }
        }
        java.util.Set<String> current = now.stream().map(ConsolidatedPrescription::getGroupId)
                .collect(Collectors.toSet());
        for (String gone : previous.keySet()) {
            if (!current.contains(gone)) {
                context.forward(record.withKey(new ConsolidatedPrescriptionKey(gone))
                        .withValue((ConsolidatedPrescription) null));
            }
        }
        if (now.isEmpty()) {
            emitted.delete(record.key());
        } else {
            emitted.put(record.key(), new SessionGroups(now));
        }
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
