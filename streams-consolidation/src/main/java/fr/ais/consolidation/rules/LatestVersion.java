package fr.ais.consolidation.rules;

import fr.ais.schemas.KeptVersion;
import fr.ais.schemas.PrescriptionEvent;
import java.util.Comparator;

/**
 * SPEC §4 rule 1: within one source, the version with the latest timestamp replaces the earlier ones;
 * on equal timestamps, the later one in the source's own order. A version is known by its stamp.
 */
public final class LatestVersion {

    /** Latest timestamp wins; on equal timestamps, the later one in the source's own order. */
    static final Comparator<KeptVersion> VERSION_ORDER = Comparator
            .comparing(KeptVersion::getVersionTimestamp)
            .thenComparingLong(KeptVersion::getSourcePosition);

    private LatestVersion() {
    }

    /** What is kept of a version to order the next ones: time, position, and the session it is in. */
    public static KeptVersion stampOf(PrescriptionEvent event) {
        return new KeptVersion(event.getVersionTimestamp(), event.getSourcePosition(), event.getSessionNumber());
    }

    /** Whether {@code candidate} replaces {@code kept} (none kept: it does); a replayed version does not. */
    public static boolean replaces(KeptVersion candidate, KeptVersion kept) {
        return kept == null || VERSION_ORDER.compare(candidate, kept) > 0;
    }
}
