package fr.ais.chaos;

/**
 * How big and how often: the short sizes keep the suite within its CI budget (a few minutes on two cores), the full
 * ones ({@code -Dchaos.full=true}, what {@code scripts/chaos} runs) are those of docs/reliability.md.
 */
record ChaosSizes(boolean full, int people, int consolidationKills, int connectorPeople, boolean everyConnector) {

    static ChaosSizes current() {
        return Boolean.getBoolean("chaos.full") ? new ChaosSizes(true, 10_000, 5, 20_000, true)
                : new ChaosSizes(false, 600, 2, 3_000, false);
    }
}
