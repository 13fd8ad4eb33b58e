package fr.ais.consolidation.serving;

import java.util.List;
import java.util.Optional;

/**
 * What the REST API, the dashboard and the metrics read from the pipeline. A filter given as
 * {@code null} matches everything. Rows are plain values (not Avro records) so that their JSON
 * shape is the API's contract and does not leak Avro internals.
 */
public interface FigureQueries {

    /** Aggregates, optionally of one region ("84") and/or one month ("2021-03"). */
    List<AggregateRow> aggregates(String region, String month);

    /** Progress rows, optionally of one region and/or one year. */
    List<ProgressRow> progress(String region, Integer year);

    /** Targets as loaded, optionally of one region and/or one year. */
    List<TargetRow> targets(String region, Integer year);

    /**
     * The consolidated prescriptions entered from {@code fromMonth} through {@code toMonth} ("yyyy-MM") with
     * their members: what the late-entry lags are measured on.
     */
    List<EntryRow> entries(String fromMonth, String toMonth);

    /** Quality counts, optionally of one region and/or one month. */
    List<QualityRow> quality(String region, String month);

    /** One consolidated prescription by its group id. */
    Optional<PrescriptionView> prescription(String groupId);

    /** Dead letters counted per source and reason. */
    List<DeadLetterCount> deadLetterCounts();

    /**
     * Alerts emitted so far per region, objective and kind, counted in the task that emits them (in the
     * alert's own transaction): what this instance holds, for its metrics.
     */
    List<AlertCount> alertCounts();

    /** Whether the instance serves current figures. */
    Readiness readiness();

    /**
     * The same queries restricted to what this instance holds: the other instances call it when
     * they fan out, and metrics use it so that several instances never report a key twice.
     */
    default FigureQueries localOnly() {
        return this;
    }

    record AggregateRow(String region, String month, String network, String ageBand, long prescriptions) {
    }

    record ProgressRow(String region, int year, int month, String objective, long actualCumulative,
            double targetCumulative, Double ratio, String status, boolean provisional) {
    }

    record TargetRow(String region, int year, String objective, double annualTarget, List<Double> monthlyProfile) {
    }

    /** @param members "SOURCE|sourceKey" of each record of the prescription */
    record EntryRow(String entryDate, String network, List<String> members) {
    }

    record QualityRow(String region, String month, long prescriptions, long pePrescriberNotFilled,
            long attributionInferred, long attributionConflict, long unattributed, long mlAgeOutOfScope) {
    }

    record Representative(String source, String sourceKey, String declaredNetwork, String region) {
    }

    record Member(String source, String sourceKey, boolean live) {
    }

    record PrescriptionView(String groupId, String sessionNumber, String entryDate, String month, int ageAtEntry,
            String ageBand, String network, String region, List<String> flags,
            List<Representative> representatives, List<Member> members) {
    }

    record DeadLetterCount(String source, String reason, long count) {
    }

    record AlertCount(String region, String objective, String kind, long count) {
    }

    /**
     * @param state    the Kafka Streams state (RUNNING, REBALANCING…)
     * @param caughtUp whether every input has been processed; {@code null} when unknown
     */
    record Readiness(String state, Boolean caughtUp) {
        public boolean ready() {
            return "RUNNING".equals(state) && !Boolean.FALSE.equals(caughtUp);
        }
    }
}
