package fr.ais.consolidation.progress;

import fr.ais.schemas.ConsolidatedPrescription;
import fr.ais.schemas.GroupMember;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each source record was first keyed in, from its versions in any order: the day (in Paris) of its
 * earliest version time, and the entry date of its latest version (rule 1), which is the month it counts in.
 * What {@link LateEntries} reads the lags from. Not thread-safe.
 */
public final class FirstKeyings {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Per source and source key: {first version day (epoch day), latest version time (epoch ms), its entry day}. */
    private final Map<Source, Map<String, long[]>> records = new EnumMap<>(Source.class);
    private final Map<Source, Long> latestVersion = new EnumMap<>(Source.class);

    public void add(PrescriptionEvent e) {
        long at = e.getVersionTimestamp().toEpochMilli();
        long day = e.getVersionTimestamp().atZone(PARIS).toLocalDate().toEpochDay();
        Map<String, long[]> ofSource = records.computeIfAbsent(e.getSource(), s -> new HashMap<>());
        long[] seen = ofSource.get(e.getSourceKey());
        if (seen == null) {
            ofSource.put(e.getSourceKey(), new long[] {day, at, e.getEntryDate().toEpochDay()});
        } else {
            seen[0] = Math.min(seen[0], day);
            if (at >= seen[1]) {
                seen[1] = at;
                seen[2] = e.getEntryDate().toEpochDay();
            }
        }
        latestVersion.merge(e.getSource(), at, Math::max);
    }

    public List<LateEntries.Arrival> arrivals() {
        List<LateEntries.Arrival> all = new ArrayList<>();
        records.forEach((source, bySourceKey) -> bySourceKey.values().forEach(seen -> all.add(
                new LateEntries.Arrival(source, LocalDate.ofEpochDay(seen[2]), LocalDate.ofEpochDay(seen[0])))));
        return all;
    }

    /**
     * A consolidated prescription as an entry of its network: keyed in when its earliest known record was;
     * null when none of its records has been seen.
     */
    public LateEntries.Entry entryOf(ConsolidatedPrescription p) {
        long first = Long.MAX_VALUE;
        for (GroupMember m : p.getMembers()) {
            long[] seen = records.getOrDefault(m.getSource(), Map.of()).get(m.getSourceKey());
            if (seen != null) {
                first = Math.min(first, seen[0]);
            }
        }
        return first == Long.MAX_VALUE ? null
                : new LateEntries.Entry(p.getNetwork(), p.getEntryDate(), LocalDate.ofEpochDay(first));
    }

    /** The same from a prescription's network, entry date and members as "SOURCE|sourceKey". */
    public LateEntries.Entry entryOf(Network network, LocalDate entryDate, List<String> members) {
        long first = Long.MAX_VALUE;
        for (String member : members) {
            int bar = member.indexOf('|');
            long[] seen = records.getOrDefault(Source.valueOf(member.substring(0, bar)), Map.of())
                    .get(member.substring(bar + 1));
            if (seen != null) {
                first = Math.min(first, seen[0]);
            }
        }
        return first == Long.MAX_VALUE ? null : new LateEntries.Entry(network, entryDate, LocalDate.ofEpochDay(first));
    }

    /** Source records seen. */
    public int records(Source source) {
        return records.getOrDefault(source, Map.of()).size();
    }

    /** The greatest version time seen (epoch ms), null when none. */
    public Long latestVersion(Source source) {
        return latestVersion.get(source);
    }
}
