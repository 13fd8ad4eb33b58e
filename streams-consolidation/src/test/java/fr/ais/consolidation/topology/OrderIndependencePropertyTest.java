package fr.ais.consolidation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.consolidation.rules.ConsolidationRules;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.QualityCounts;
import fr.ais.schemas.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC §4, last paragraph: "any order, any interleaving of the sources, any replay gives the same
 * consolidated figures". Small random histories over few sessions, people and timestamps (so that
 * ties, shared identifiers, session changes and cancellations are frequent), fed to the topology in
 * random orders, and compared with {@link ReferenceConsolidation}.
 */
class OrderIndependencePropertyTest {

    private static final String[] PE_TYPES = {"PE", "ML", "CAP_EMPLOI", "AUTRE", null, null};
    private static final String[] OUIFORM_TYPES = {"MISSION_LOCALE", "POLE_EMPLOI", "CAP_EMPLOI", "CONSEIL_REGIONAL", "OTHER"};
    private static final String[] REGIONS = {null, "11", "52"};
    private static final String[] TRAINING_REGIONS = {"24", "52"};
    private static final int[] AGES = {15, 16, 25, 26, 29, 30};
    private static final String[] ENTRY_DATES = {"2021-01-15", "2021-02-15", "2021-03-15"};

    @Property(tries = 80)
    void the_aggregates_equal_the_rules_for_any_arrival_order(
            @ForAll("histories") List<PrescriptionEvent> history, @ForAll Random random) {
        List<PrescriptionEvent> arrival = shuffled(history, random);
        try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
            pipeline.send(arrival);
            assertSameFigures(pipeline, history);
        }
    }

    @Property(tries = 40)
    void input_delivered_twice_gives_the_same_figures(
            @ForAll("histories") List<PrescriptionEvent> history, @ForAll Random random) {
        try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
            pipeline.send(shuffled(history, random));
            pipeline.send(shuffled(history, random));
            assertSameFigures(pipeline, history);
        }
    }

    @Property(tries = 40)
    void sources_interleaved_or_one_after_the_other_give_the_same_figures(
            @ForAll("histories") List<PrescriptionEvent> history, @ForAll Random random) {
        List<PrescriptionEvent> sourceBySource = new ArrayList<>();
        List<Source> order = new ArrayList<>(List.of(Source.values()));
        Collections.shuffle(order, random);
        for (Source source : order) {
            history.stream().filter(e -> e.getSource() == source).forEach(sourceBySource::add);
        }
        try (ConsolidationDriver pipeline = new ConsolidationDriver()) {
            pipeline.send(sourceBySource);
            assertSameFigures(pipeline, history);
        }
    }

    /** Not a rule but a guard on one: the sessions kept in memory, however few, change no figure. */
    @Property(tries = 40)
    void keeping_fewer_sessions_in_memory_gives_the_same_figures(
            @ForAll("histories") List<PrescriptionEvent> history, @ForAll Random random,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int recentSessions) {
        try (ConsolidationDriver pipeline = new ConsolidationDriver(
                new ConsolidationConfig(TopicCatalogue.DEFAULT).withRecentSessions(recentSessions))) {
            pipeline.send(shuffled(history, random));
            assertSameFigures(pipeline, history);
        }
    }

    /** Not a rule but a guard on one: consolidating again only the groups a change touches gives the whole session's. */
    @Property(tries = 200)
    void consolidating_again_only_the_groups_a_change_touches_gives_the_groups_of_the_whole_session(
            @ForAll("histories") List<PrescriptionEvent> history, @ForAll Random random) {
        Map<String, PrescriptionEvent> members = new HashMap<>(); // one session, S0, by source and key
        Map<String, ConsolidatedPrescription> groups = Map.of(); // by group id, as the session task keeps them
        for (PrescriptionEvent version : shuffled(history, random)) {
            String member = version.getSource() + "/" + version.getSourceKey();
            if (version.getSessionNumber().equals("S0")) {
                members.put(member, version);
            } else {
                members.remove(member); // the record left for another session
            }
            List<ConsolidatedPrescription> after = ConsolidationRules.consolidateAfterChange("S0", members.values(),
                    groups, version.getSource(), version.getSourceKey());
            assertThat(after).isEqualTo(ConsolidationRules.consolidate("S0", members.values()));
            groups = after.stream().collect(Collectors.toMap(ConsolidatedPrescription::getGroupId, g -> g));
        }
    }

    private static void assertSameFigures(ConsolidationDriver pipeline, List<PrescriptionEvent> history) {
        List<ReferenceConsolidation.Prescription> expected = ReferenceConsolidation.consolidate(history);
        assertThat(pipeline.aggregates()).isEqualTo(ReferenceConsolidation.aggregates(expected));
        assertThat(qualityRows(pipeline.quality())).isEqualTo(ReferenceConsolidation.quality(expected));
        assertThat(pipeline.consolidated()).hasSize(expected.size());
    }

    private static Map<String, String> qualityRows(Map<String, QualityCounts> quality) {
        Map<String, String> rows = new TreeMap<>();
        quality.forEach((k, c) -> rows.put(k, c.getPrescriptions() + ";" + c.getPePrescriberNotFilled() + ";"
                + c.getAttributionInferred() + ";" + c.getAttributionConflict() + ";" + c.getUnattributed() + ";"
                + c.getMlAgeOutOfScope()));
        return rows;
    }

    private static List<PrescriptionEvent> shuffled(List<PrescriptionEvent> history, Random random) {
        List<PrescriptionEvent> copy = new ArrayList<>(history);
        Collections.shuffle(copy, random);
        return copy;
    }

    /** A history: each element is the genome of one version of one source record, in source order. */
    @Provide
    Arbitrary<List<PrescriptionEvent>> histories() {
        return Arbitraries.integers().between(0, 9999).list().ofSize(12)
                .list().ofMinSize(1).ofMaxSize(16)
                .map(OrderIndependencePropertyTest::decode);
    }

    /** How many distinct source keys (per source), sessions and people a history draws from. */
    record Shape(int keys, int sessions, int people) {
        static final Shape SMALL = new Shape(4, 2, 4);
    }

    static List<PrescriptionEvent> decode(List<List<Integer>> genomes) {
        return decode(genomes, Shape.SMALL);
    }

    static List<PrescriptionEvent> decode(List<List<Integer>> genomes, Shape shape) {
        Map<Source, Long> positions = new EnumMap<>(Source.class);
        List<PrescriptionEvent> history = new ArrayList<>();
        for (List<Integer> g : genomes) {
            Source source = Source.values()[g.get(0) % 3];
            long position = positions.merge(source, 1L, Long::sum);
            List<PersonId> ids = new ArrayList<>();
            String prescriberType = null;
            Network declared = null;
            boolean notFilled = false;
            switch (source) {
                case PE -> {
                    ids.add(new PersonId(IdentifierType.DE, "D" + g.get(1) % shape.people()));
                    prescriberType = pick(PE_TYPES, g.get(2));
                    declared = prescriberType == null ? null : switch (prescriberType) {
                        case "PE" -> Network.PE;
                        case "ML" -> Network.ML;
                        default -> Network.OTHER;
                    };
                    notFilled = prescriberType == null;
                }
                case IMILO -> {
                    ids.add(new PersonId(IdentifierType.MILO, "M" + g.get(1) % shape.people()));
                    if (g.get(2) % 2 == 0) {
                        ids.add(new PersonId(IdentifierType.DE, "D" + g.get(3) % shape.people()));
                    }
                    declared = Network.ML;
                }
                case OUIFORM -> {
                    int which = g.get(1) % 3; // 0: DE only, 1: MILO only, 2: both
                    if (which != 1) {
                        ids.add(new PersonId(IdentifierType.DE, "D" + g.get(3) % shape.people()));
                    }
                    if (which != 0) {
                        ids.add(new PersonId(IdentifierType.MILO, "M" + g.get(2) % shape.people()));
                    }
                    prescriberType = pick(OUIFORM_TYPES, g.get(4));
                    declared = switch (prescriberType) {
                        case "MISSION_LOCALE" -> Network.ML;
                        case "POLE_EMPLOI" -> Network.PE;
                        default -> Network.OTHER;
                    };
                }
            }
            history.add(PrescriptionEvent.newBuilder()
                    .setSource(source)
                    .setSourceKey("K" + (g.get(5) % shape.keys()))
                    .setVersionTimestamp(Instant.parse("2021-03-01T10:00:00Z").plusSeconds(g.get(6) % 3))
                    .setSourcePosition(position)
                    .setLive(g.get(7) % 4 != 0)
                    .setSessionNumber("S" + g.get(8) % shape.sessions())
                    .setPersonIds(ids)
                    .setEntryDate(LocalDate.parse(pick(ENTRY_DATES, g.get(9))))
                    .setAgeAtEntry(AGES[g.get(10) % AGES.length])
                    .setDeclaredNetwork(declared)
                    .setPePrescriberNotFilled(notFilled)
                    .setPrescriberType(prescriberType)
                    .setPrescriberRegion(pick(REGIONS, g.get(11)))
                    .setTrainingRegion(pick(TRAINING_REGIONS, g.get(11) / 3))
                    .setOrigin("property")
                    .build());
        }
        return history;
    }

    private static String pick(String[] values, int gene) {
        return values[gene % values.length];
    }
}
