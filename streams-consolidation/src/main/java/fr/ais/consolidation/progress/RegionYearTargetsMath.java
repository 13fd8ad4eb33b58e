package fr.ais.consolidation.progress;

import fr.ais.schemas.RegionYearKey;
import fr.ais.schemas.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets of one region and year (SPEC §5), one per objective, as the progress rows read them. */
public final class RegionYearTargetsMath {

    private RegionYearTargetsMath() {
    }

    /** The region and year a target is for. */
    public static RegionYearKey regionYearOf(Target target) {
        return new RegionYearKey(target.getRegion(), target.getYear());
    }

    /** {@code targets} with {@code target} in place of the one of the same objective, in objective order. */
    public static List<Target> with(List<Target> targets, Target target) {
        List<Target> result = without(targets, target);
        result.add(target);
        result.sort(Comparator.comparing(Target::getObjective));
        return result;
    }

    /** {@code targets} without the one of {@code target}'s objective. */
    public static List<Target> without(List<Target> targets, Target target) {
        List<Target> result = new ArrayList<>(targets);
        result.removeIf(t -> t.getObjective() == target.getObjective());
        return result;
    }

    /** Targets gathered per region and year, as the progress stage gathers them. */
    public static Map<RegionYearKey, List<Target>> perRegionYear(Collection<Target> targets) {
        Map<RegionYearKey, List<Target>> gathered = new LinkedHashMap<>();
        for (Target target : targets) {
            gathered.compute(regionYearOf(target), (regionYear, sofar) -> with(sofar == null ? List.of() : sofar, target));
        }
        return gathered;
    }
}
