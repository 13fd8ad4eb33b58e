package fr.ais.consolidation.rules;

import fr.ais.schemas.AgeBand;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.GroupMember;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityFlag;
import fr.ais.schemas.Representative;
import fr.ais.schemas.Source;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC §4 rules 3 to 8 for one session: from the latest version of every source record of one
 * normalised session number to its consolidated prescriptions. Pure and deterministic: the same set
 * of records gives the same result, whatever order they arrived in.
 */
public final class ConsolidationRules {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** Rule 4: the latest live record of a source; on equal timestamps, the greatest source key. */
    static final Comparator<PrescriptionEvent> REPRESENTATIVE_ORDER = Comparator
            .comparing(PrescriptionEvent::getVersionTimestamp)
            .thenComparing(PrescriptionEvent::getSourceKey);

    /** Members sorted by source then source key: the smallest names the group. */
    static final Comparator<PrescriptionEvent> MEMBER_ORDER = Comparator
            .comparing(PrescriptionEvent::getSource)
            .thenComparing(PrescriptionEvent::getSourceKey);

    private ConsolidationRules() {
    }

    /**
     * The consolidated prescriptions of one session, sorted by group id: rules 3 to 8 as written. The session
     * task computes the same with {@link #consolidateAfterChange}, which a property checks against this.
     *
     * @param sessionNumber the normalised session number every member shares
     * @param members       the latest version of each source record of the session (rule 1 applied)
     */
    public static List<ConsolidatedPrescription> consolidate(String sessionNumber, Collection<PrescriptionEvent> members) {
        List<ConsolidatedPrescription> result = new ArrayList<>();
        for (List<PrescriptionEvent> group : samePersonGroups(members)) {
            consolidateGroup(sessionNumber, group).ifPresent(result::add);
        }
        result.sort(Comparator.comparing(ConsolidatedPrescription::getGroupId));
        return result;
    }

    /**
     * The same as {@link #consolidate} after one member of the session changed (a new version, or gone),
     * knowing the groups before the change: only the groups the change touches are consolidated again.
     * Removing a record can only split the group it was in into smaller ones, and adding one can only
     * merge groups into the one that holds it. So a group that does not hold the changed record and has
     * the id and the member count of a group before the change has its members too: it is the same
     * prescription, taken from {@code before} as it was.
     *
     * @param members       the latest version of each source record of the session, after the change
     * @param before        the session's groups before the change, as {@link #consolidate} gave them, by group id
     * @param changedSource the source of the record that changed
     * @param changedKey    its source key
     */
    public static List<ConsolidatedPrescription> consolidateAfterChange(String sessionNumber,
            Collection<PrescriptionEvent> members, Map<String, ConsolidatedPrescription> before, Source changedSource,
            String changedKey) {
        List<ConsolidatedPrescription> result = new ArrayList<>();
        for (List<PrescriptionEvent> group : samePersonGroups(members)) {
            ConsolidatedPrescription was = before.get(groupId(sessionNumber, group.get(0)));
            if (was != null && was.getMembers().size() == group.size() && !holds(group, changedSource, changedKey)) {
                result.add(was);
            } else {
                consolidateGroup(sessionNumber, group).ifPresent(result::add);
            }
        }
        result.sort(Comparator.comparing(ConsolidatedPrescription::getGroupId));
        return result;
    }

    private static boolean holds(List<PrescriptionEvent> group, Source source, String sourceKey) {
        for (PrescriptionEvent member : group) {
            if (member.getSource() == source && member.getSourceKey().equals(sourceKey)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rule 3: records that share an identifier (same type, same pseudonym) are the same
     * prescription, transitively. Non-live records link too. Each group is sorted by member order.
     */
    static List<List<PrescriptionEvent>> samePersonGroups(Collection<PrescriptionEvent> members) {
        List<PrescriptionEvent> records = new ArrayList<>(members);
        records.sort(MEMBER_ORDER);
        UnionFind groups = new UnionFind(records.size());
        Map<PersonId, Integer> firstHolder = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (PersonId id : records.get(i).getPersonIds()) {
                Integer holder = firstHolder.putIfAbsent(id, i);
                if (holder != null) {
                    groups.union(holder, i);
                }
            }
        }
        Map<Integer, List<PrescriptionEvent>> byRoot = new java.util.TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            byRoot.computeIfAbsent(groups.find(i), r -> new ArrayList<>()).add(records.get(i));
        }
        return new ArrayList<>(byRoot.values());
    }

    /** Rules 4 to 8 for one group; empty when the group has no live record. */
    static Optional<ConsolidatedPrescription> consolidateGroup(String sessionNumber, List<PrescriptionEvent> group) {
        Map<Source, PrescriptionEvent> representatives = representatives(group);
        if (representatives.isEmpty()) {
            return Optional.empty();
        }
        PrescriptionEvent dated = firstPresent(representatives, SourcePrecedence.DATES).orElseThrow();
        Optional<PrescriptionEvent> attributing = SourcePrecedence.NETWORK.stream()
                .map(representatives::get)
                .filter(r -> r != null && r.getDeclaredNetwork() != null)
                .findFirst();
        Network network = attributing.map(PrescriptionEvent::getDeclaredNetwork).orElse(Network.UNKNOWN);
        PrescriptionEvent regionGiver = attributing.orElse(representatives.get(Source.PE));
        int age = dated.getAgeAtEntry();

        PrescriptionEvent peRepresentative = representatives.get(Source.PE);
        boolean peNotFilled = peRepresentative != null && peRepresentative.getPePrescriberNotFilled();
        long declaredNetworks = representatives.values().stream()
                .map(PrescriptionEvent::getDeclaredNetwork).filter(n -> n != null).distinct().count();
        Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
        if (peNotFilled) {
            flags.add(QualityFlag.PE_PRESCRIBER_NOT_FILLED);
        }
        if (peNotFilled && network != Network.UNKNOWN) {
            flags.add(QualityFlag.ATTRIBUTION_INFERRED);
        }
        if (declaredNetworks > 1) {
            flags.add(QualityFlag.ATTRIBUTION_CONFLICT);
        }
        if (network == Network.UNKNOWN) {
            flags.add(QualityFlag.UNATTRIBUTED);
        }
        if (network == Network.ML && age >= 26) {
            flags.add(QualityFlag.ML_AGE_OUT_OF_SCOPE);
        }

        PrescriptionEvent smallest = group.get(0);
        return Optional.of(ConsolidatedPrescription.newBuilder()
                .setGroupId(groupId(sessionNumber, smallest))
                .setSessionNumber(sessionNumber)
                .setEntryDate(dated.getEntryDate())
                .setMonth(dated.getEntryDate().format(MONTH))
                .setAgeAtEntry(age)
                .setAgeBand(ageBand(age))
                .setNetwork(network)
                .setRegion(regionOf(regionGiver))
                .setFlags(new ArrayList<>(flags))
                .setRepresentatives(representatives.values().stream()
                        .map(r -> new Representative(r.getSource(), r.getSourceKey(), r.getDeclaredNetwork(),
                                regionOrNull(r)))
                        .toList())
                .setMembers(group.stream()
                        .map(m -> new GroupMember(m.getSource(), m.getSourceKey(), m.getLive()))
                        .toList())
                .build());
    }

    /**
     * A group's id: its session and its smallest member. It depends only on the group's content,
     * so every arrival order gives the same id.
     */
    static String groupId(String sessionNumber, PrescriptionEvent smallestMember) {
        return groupIdPrefix(sessionNumber) + smallestMember.getSource() + "/" + smallestMember.getSourceKey();
    }

    /** What every group id of a session starts with. */
    public static String groupIdPrefix(String sessionNumber) {
        return sessionNumber + "/";
    }

    /** Rule 4: per source, the latest live record, in source order PE, IMILO, OUIFORM. */
    static Map<Source, PrescriptionEvent> representatives(List<PrescriptionEvent> group) {
        Map<Source, PrescriptionEvent> representatives = new EnumMap<>(Source.class);
        for (PrescriptionEvent record : group) {
            if (record.getLive()) {
                representatives.merge(record.getSource(), record,
                        (a, b) -> REPRESENTATIVE_ORDER.compare(a, b) >= 0 ? a : b);
            }
        }
        return representatives;
    }

    /** Rule 8. */
    public static AgeBand ageBand(int age) {
        if (age < 16) {
            return AgeBand.UNDER_16;
        }
        if (age <= 25) {
            return AgeBand.AGE_16_25;
        }
        if (age <= 29) {
            return AgeBand.AGE_26_29;
        }
        return AgeBand.AGE_30_PLUS;
    }

    /**
     * Rule 7: the prescriber's region, else the training's. Connectors reject a record that could
     * leave both empty, so the fallback value only guards against a schema change upstream.
     */
    private static String regionOf(PrescriptionEvent representative) {
        String region = representative == null ? null : regionOrNull(representative);
        return region == null ? "UNKNOWN" : region;
    }

    private static String regionOrNull(PrescriptionEvent record) {
        String prescriber = record.getPrescriberRegion();
        return prescriber != null && !prescriber.isEmpty() ? prescriber : record.getTrainingRegion();
    }

    private static Optional<PrescriptionEvent> firstPresent(Map<Source, PrescriptionEvent> representatives,
            List<Source> order) {
        return order.stream().map(representatives::get).filter(r -> r != null).findFirst();
    }

    /** Union-find with path compression; the smaller index becomes the root, for stable roots. */
    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
