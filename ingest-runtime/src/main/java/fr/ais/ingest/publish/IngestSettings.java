package fr.ais.ingest.publish;

import fr.ais.settings.Setting;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;

/**
 * How the file connectors publish.
 *
 * @param transactionRecords input records per transaction (with the connector's checkpoint): larger
 *                           transactions publish faster, and a crash redoes at most one transaction's
 *                           records (measured in docs/benchmarks.md, "Ingest transactions")
 */
public record IngestSettings(int transactionRecords) {

    /** The default: 500 records, as measured a third of the plain producer's rate lost to commits. */
    public static final int DEFAULT_TRANSACTION_RECORDS = 500;

    public static final SettingGroup SETTINGS = new SettingGroup("connectors");
    public static final Setting<Integer> TRANSACTION_RECORDS = SETTINGS.add(Setting.integer(
            "ingest.transaction.records", DEFAULT_TRANSACTION_RECORDS,
            "Input records per connector transaction (with its checkpoint): larger is faster, and a crash redoes"
                    + " at most that many records.")
            .validatedBy(n -> n >= 1 && n <= 1_000_000, "between 1 and 1000000"));

    public IngestSettings {
        if (transactionRecords < 1) {
            throw new IllegalArgumentException("transactionRecords must be at least 1: " + transactionRecords);
        }
    }

    public static IngestSettings defaults() {
        return new IngestSettings(DEFAULT_TRANSACTION_RECORDS);
    }

    public static IngestSettings from(Settings settings) {
        return new IngestSettings(settings.get(TRANSACTION_RECORDS));
    }
}
