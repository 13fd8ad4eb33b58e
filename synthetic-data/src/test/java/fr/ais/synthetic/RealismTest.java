package fr.ais.synthetic;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.synthetic.SourceRecords.Rec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated data exercise every situation of SPEC §4 and the rétro-saisie of §1. */
class RealismTest {

    @TempDir
    static Path dir;

    static List<Rec> records;
    static Map<String, List<Rec>> byKey;

    @BeforeAll
    static void generate() throws Exception {
        GeneratedDataSet ds = Generator.generate(GeneratorOptions.defaults(dir).withPeople(2000).withSeed(99));
        records = SourceRecords.read(ds, StandardCharsets.UTF_8);
        byKey = records.stream().collect(groupingBy(r -> r.source() + "|" + r.key(), TreeMap::new, toList()));
    }

    /** Latest version per source key (rule 1; ties: later line). */
    static List<Rec> latest() {
        return byKey.values().stream()
                .map(versions -> versions.stream().max(Comparator.comparing(Rec::at).thenComparingInt(Rec::line))
                        .orElseThrow())
                .toList();
    }

    static Set<String> sourcesHolding(String session, String id) {
        Set<String> sources = new TreeSet<>();
        for (Rec r : records) {
            if (r.session().equals(session) && r.ids().contains(id)) {
                sources.add(r.source());
            }
        }
        return sources;
    }

    @Nested
    class Rule3SamePerson {

        @Test
        void somePrescriptionsAreInTwoSourcesAndSomeInThree() {
            Map<String, Set<String>> sourcesByLink = new TreeMap<>();
            for (Rec r : records) {
                for (String id : r.ids()) {
                    sourcesByLink.computeIfAbsent(r.session() + "|" + id, k -> new TreeSet<>()).add(r.source());
                }
            }
            assertThat(sourcesByLink.values()).anyMatch(s -> s.size() == 2);
            assertThat(sourcesByLink.values()).anyMatch(s -> s.size() == 3);
            assertThat(sourcesByLink.values()).anyMatch(s -> s.equals(Set.of("pe", "imilo")));
            assertThat(sourcesByLink.values()).anyMatch(s -> s.equals(Set.of("pe", "ouiform")));
            assertThat(sourcesByLink.values()).anyMatch(s -> s.equals(Set.of("imilo", "ouiform")));
        }

        @Test
        void identifiersAreMissingAcrossSources() {
            assertThat(records).filteredOn(r -> r.source().equals("imilo"))
                    .anyMatch(r -> r.ids().stream().noneMatch(id -> id.startsWith("DE:")));
            assertThat(records).filteredOn(r -> r.source().equals("ouiform"))
                    .anyMatch(r -> r.ids().size() == 1 && r.ids().first().startsWith("MILO:"))
                    .anyMatch(r -> r.ids().size() == 1 && r.ids().first().startsWith("DE:"))
                    .anyMatch(r -> r.ids().size() == 2);
        }

        @Test
        void chainsLinkTwoRecordsThatShareNothing() {
            // pe {DE:d} ~ imilo {MILO:m, DE:d} ~ ouiform {MILO:m} in one session, the ends sharing no identifier
            boolean chain = records.stream().filter(b -> b.source().equals("imilo") && b.ids().size() == 2)
                    .anyMatch(b -> {
                        String de = b.ids().first();
                        String milo = b.ids().last();
                        boolean a = records.stream().anyMatch(r -> r.source().equals("pe")
                                && r.session().equals(b.session()) && r.ids().contains(de));
                        boolean c = records.stream().anyMatch(r -> r.source().equals("ouiform")
                                && r.session().equals(b.session()) && r.ids().equals(new TreeSet<>(Set.of(milo))));
                        return a && c;
                    });
            assertThat(chain).isTrue();
        }

        @Test
        void severalPeopleShareASession() {
            Map<String, Set<String>> peopleBySession = new TreeMap<>();
            for (Rec r : records) {
                if (r.source().equals("pe")) {
                    peopleBySession.computeIfAbsent(r.session(), k -> new TreeSet<>()).addAll(r.ids());
                }
            }
            assertThat(peopleBySession.values()).anyMatch(people -> people.size() >= 3);
        }

        @Test
        void sessionNumbersAreSpelledDifferentlyAcrossSources() {
            assertThat(records).allMatch(r -> r.session().matches("SE-2021-[0-9]{6}"));
            Map<String, Set<String>> spellings = new TreeMap<>();
            records.forEach(r -> spellings.computeIfAbsent(r.session(), k -> new TreeSet<>()).add(r.rawSession()));
            assertThat(spellings.values()).anyMatch(s -> s.size() >= 2);
            assertThat(records).anyMatch(r -> r.rawSession().contains(" "))
                    .anyMatch(r -> r.rawSession().startsWith("se-"));
        }

        @Test
        void withinOneSourceSomePrescriptionsHaveTwoKeys() {
            Map<String, Set<String>> peKeysByLink = new TreeMap<>();
            for (Rec r : records) {
                if (r.source().equals("pe")) {
                    peKeysByLink.computeIfAbsent(r.session() + r.ids(), k -> new TreeSet<>()).add(r.key());
                }
            }
            assertThat(peKeysByLink.values()).anyMatch(keys -> keys.size() >= 2);
        }
    }

    @Nested
    class Rule1And2VersionHistories {

        @Test
        void keysHaveSeveralVersionsWithChangingStates() {
            assertThat(byKey.values()).anyMatch(v -> v.size() >= 3);
            assertThat(byKey.values()).anyMatch(v -> v.stream().map(Rec::state).distinct().count() >= 3);
        }

        @Test
        void everyKindOfCancellationOccurs() {
            assertThat(records).extracting(Rec::state)
                    .contains("ANNULATION", "MODIFICATION", "CREATION")
                    .contains("CANCELLED", "REFUSED", "DRAFT", "ENTERED")
                    .anyMatch(s -> s.startsWith("SUPPRESSION/"))
                    .contains("MODIFICATION/ANNULEE", "MODIFICATION/ABANDON");
        }

        @Test
        void aLaterVersionChangesTheSessionNumber() {
            for (String source : List.of("pe", "imilo", "ouiform")) {
                assertThat(byKey.values()).as(source)
                        .anyMatch(v -> v.get(0).source().equals(source)
                                && v.stream().map(Rec::session).distinct().count() > 1);
            }
        }

        @Test
        void someVersionsOfOneKeyHaveEqualTimestamps() {
            assertThat(byKey.values())
                    .anyMatch(v -> v.stream().map(Rec::at).distinct().count() < v.size());
        }

        @Test
        void filesAreNotSortedAndVersionsSometimesComeOutOfOrder() {
            for (String source : List.of("pe", "imilo", "ouiform")) {
                List<Rec> inFile = records.stream().filter(r -> r.source().equals(source))
                        .sorted(Comparator.comparingInt(Rec::line)).toList();
                assertThat(inFile).extracting(Rec::at).as(source).isNotEmpty().isNotEqualTo(
                        inFile.stream().map(Rec::at).sorted().toList());
            }
            assertThat(byKey.values()).anyMatch(v -> {
                List<Rec> inFile = v.stream().sorted(Comparator.comparingInt(Rec::line)).toList();
                return inFile.get(0).at().isAfter(inFile.get(inFile.size() - 1).at());
            });
        }
    }

    @Nested
    class RetroSaisieAndAttribution {

        @Test
        void iMiloEntriesArriveUpToTwoMonthsLate() {
            List<Rec> lateCreations = records.stream()
                    .filter(r -> r.source().equals("imilo") && r.state().startsWith("CREATION/"))
                    .filter(r -> r.at().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate().isAfter(r.entry()))
                    .toList();
            assertThat(lateCreations).isNotEmpty()
                    .anyMatch(r -> r.at().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate()
                            .isAfter(r.entry().plusMonths(1)))
                    .allMatch(r -> r.at().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate()
                            .isBefore(r.entry().plusMonths(2)));
        }

        @Test
        void thePePrescriberTypeIsEmptyInAboutThirtyPercent() {
            List<Rec> pe = latest().stream().filter(r -> r.source().equals("pe")).toList();
            double empty = pe.stream().filter(r -> r.peType().isEmpty()).count() / (double) pe.size();
            assertThat(empty).isBetween(0.2, 0.4);
            assertThat(pe).extracting(Rec::peType).contains("ML", "PE", "CAP_EMPLOI", "AUTRE");
        }

        @Test
        void agesAreMostly16To29WithSomeOlderAFewYoungerAndMlYouthsOf26() {
            List<Integer> ages = records.stream().map(r -> Period.between(r.birth(), r.entry()).getYears()).toList();
            long young = ages.stream().filter(a -> a >= 16 && a <= 29).count();
            assertThat(young).isGreaterThan(ages.size() * 7L / 10);
            assertThat(ages).anyMatch(a -> a >= 30).anyMatch(a -> a < 16);
            assertThat(records).filteredOn(r -> r.source().equals("imilo"))
                    .anyMatch(r -> Period.between(r.birth(), r.entry()).getYears() == 26);
        }
    }
}
