package fr.ais.consolidation.topology;

import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately plain re-reading of SPEC §4, written apart from the topology to check it: all the
 * input at once, rule after rule, quadratic loops, the network read from the raw prescriber type.
 */
public final class ReferenceConsolidation {

    /** One consolidated prescription as the rules define it. */
    public record Prescription(String region, String month, String network, String ageBand, boolean peNotFilled,
            boolean inferred, boolean conflict, boolean unattributed, boolean mlAgeOutOfScope, List<String> members) {
    }

    private ReferenceConsolidation() {
    }

    public static List<Prescription> consolidate(Collection<PrescriptionEvent> input) {
        // rule 1: latest timestamp, then the later position in the source's own order
        Map<String, PrescriptionEvent> latest = new HashMap<>();
        for (PrescriptionEvent e : input) {
            String key = e.getSource() + "|" + e.getSourceKey();
            PrescriptionEvent kept = latest.get(key);
            if (kept == null || e.getVersionTimestamp().isAfter(kept.getVersionTimestamp())
                    || (e.getVersionTimestamp().equals(kept.getVersionTimestamp())
                        && e.getSourcePosition() > kept.getSourcePosition())) {
                latest.put(key, e);
            }
        }
        // rule 3: within one session, connected components of "shares an identifier"
        Map<String, List<PrescriptionEvent>> bySession = new TreeMap<>();
        latest.values().forEach(e -> bySession.computeIfAbsent(e.getSessionNumber(), s -> new ArrayList<>()).add(e));
        List<Prescription> result = new ArrayList<>();
        for (List<PrescriptionEvent> session : bySession.values()) {
            boolean[] seen = new boolean[session.size()];
            for (int start = 0; start < session.size(); start++) {
                if (seen[start]) {
                    continue;
                }
                List<PrescriptionEvent> group = new ArrayList<>();
                Deque<Integer> todo = new ArrayDeque<>(List.of(start));
                seen[start] = true;
                while (!todo.isEmpty()) {
                    PrescriptionEvent current = session.get(todo.pop());
                    group.add(current);
                    for (int other = 0; other < session.size(); other++) {
                        if (!seen[other] && shareAnIdentifier(current, session.get(other))) {
                            seen[other] = true;
                            todo.push(other);
                        }
                    }
                }
                Prescription p = prescription(group);
                if (p != null) {
                    result.add(p);
                }
            }
        }
        return result;
    }

    private static boolean shareAnIdentifier(PrescriptionEvent a, PrescriptionEvent b) {
        for (PersonId id : a.getPersonIds()) {
            if (b.getPersonIds().contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Rules 2 and 4 to 8 for one group; null when no record of it is live. */
    private static Prescription prescription(List<PrescriptionEvent> group) {
        PrescriptionEvent pe = representative(group, Source.PE);
        PrescriptionEvent imilo = representative(group, Source.IMILO);
        PrescriptionEvent ouiform = representative(group, Source.OUIFORM);
        if (pe == null && imilo == null && ouiform == null) {
            return null;
        }
        PrescriptionEvent dated = pe != null ? pe : ouiform != null ? ouiform : imilo;

        String imiloSays = imilo == null ? null : "ML";
        String ouiformSays = ouiform == null ? null : switch (ouiform.getPrescriberType()) {
            case "MISSION_LOCALE" -> "ML";
            case "POLE_EMPLOI" -> "PE";
            default -> "OTHER";
        };
        String peSays = pe == null || pe.getPrescriberType() == null ? null : switch (pe.getPrescriberType()) {
            case "ML" -> "ML";
            case "PE" -> "PE";
            default -> "OTHER";
        };
        String network;
        PrescriptionEvent giver;
        if (imiloSays != null) {
            network = imiloSays;
            giver = imilo;
        } else if (ouiformSays != null) {
            network = ouiformSays;
            giver = ouiform;
        } else if (peSays != null) {
            network = peSays;
            giver = pe;
        } else {
            network = "UNKNOWN";
            giver = pe;
        }
        String region = giver.getPrescriberRegion() != null ? giver.getPrescriberRegion() : giver.getTrainingRegion();
        int age = dated.getAgeAtEntry();
        String band = age < 16 ? "UNDER_16" : age < 26 ? "AGE_16_25" : age < 30 ? "AGE_26_29" : "AGE_30_PLUS";
        boolean peNotFilled = pe != null && pe.getPrescriberType() == null;
        long distinct = java.util.stream.Stream.of(imiloSays, ouiformSays, peSays)
                .filter(s -> s != null).distinct().count();
        return new Prescription(region, dated.getEntryDate().toString().substring(0, 7), network, band,
                peNotFilled, peNotFilled && !network.equals("UNKNOWN"), distinct > 1, network.equals("UNKNOWN"),
                network.equals("ML") && age >= 26,
                group.stream().map(e -> e.getSource() + "|" + e.getSourceKey()).sorted().toList());
    }

    /** Rule 4: the latest live record of a source; on equal timestamps the greatest source key. */
    private static PrescriptionEvent representative(List<PrescriptionEvent> group, Source source) {
        PrescriptionEvent best = null;
        for (PrescriptionEvent e : group) {
            if (e.getSource() != source || !e.getLive()) {
                continue;
            }
            if (best == null || e.getVersionTimestamp().isAfter(best.getVersionTimestamp())
                    || (e.getVersionTimestamp().equals(best.getVersionTimestamp())
                        && e.getSourceKey().compareTo(best.getSourceKey()) > 0)) {
                best = e;
            }
        }
        return best;
    }

    /** SPEC §6 aggregates rows: "region;month;network;age_band" → prescriptions. */
    public static Map<String, Long> aggregates(List<Prescription> prescriptions) {
        Map<String, Long> rows = new TreeMap<>();
        for (Prescription p : prescriptions) {
            rows.merge(p.region() + ";" + p.month() + ";" + p.network() + ";" + p.ageBand(), 1L, Long::sum);
        }
        return rows;
    }

    /** SPEC §6 quality rows: "region;month" → "total;not filled;inferred;conflict;unattributed;ml age". */
    static Map<String, String> quality(List<Prescription> prescriptions) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Prescription p : prescriptions) {
            long[] c = counts.computeIfAbsent(p.region() + ";" + p.month(), k -> new long[6]);
            c[0]++;
            c[1] += p.peNotFilled() ? 1 : 0;
            c[2] += p.inferred() ? 1 : 0;
            c[3] += p.conflict() ? 1 : 0;
            c[4] += p.unattributed() ? 1 : 0;
            c[5] += p.mlAgeOutOfScope() ? 1 : 0;
        }
        Map<String, String> rows = new TreeMap<>();
        counts.forEach((k, c) -> rows.put(k, c[0] + ";" + c[1] + ";" + c[2] + ";" + c[3] + ";" + c[4] + ";" + c[5]));
        return rows;
    }
}
