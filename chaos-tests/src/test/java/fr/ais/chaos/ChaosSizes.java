package fr.ais.chaos;

/**
 * How big and how often: the short sizes keep the suite within its CI budget (a few minutes on two cores), the full
 * ones ({@code -Dchaos.full=true}, what {@code scripts/chaos} runs) are those of docs/reliability.md. The broker
 * restart runs in the full suite only: a broker JVM restarted after {@code kill -9} costs a minute or more on a
 * small machine ({@code ConsolidationAppTest} keeps the fix it found in every build).
 */
record ChaosSizes(boolean full, int people, int consolidationKills, int connectorPeople, boolean everyConnector) {

    static ChaosSizes current() {
        return Boolean.getBoolean("chaos.full") ? new ChaosSizes(true, 10_000, 5, 20_000, true)
                : new ChaosSizes(false, 400, 1, 2_500, false);
    }
}
