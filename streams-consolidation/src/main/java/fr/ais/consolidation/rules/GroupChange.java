package fr.ais.consolidation.rules;

import fr.ais.schemas.ConsolidatedPrescription;

/**
 * A consolidated prescription as it was and as it is now (either null when the group appears or
 * dissolves). Passed between processors of one sub-topology only, so it needs no serde: the
 * aggregates retract {@code before} and add {@code after}, as a KTable's subtractor and adder would
 * (see {@link Deltas}).
 */
public record GroupChange(ConsolidatedPrescription before, ConsolidatedPrescription after) {
}
