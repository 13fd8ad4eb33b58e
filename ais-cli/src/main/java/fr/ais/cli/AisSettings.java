package fr.ais.cli;

import fr.ais.cli.pipeline.MetricsEndpoint;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.consolidation.serving.ServingConfig;
import fr.ais.ingest.PseudonymKey;
import fr.ais.ingest.publish.IngestSettings;
import fr.ais.ingest.ouiform.api.OuiFormApiConfig;
import fr.ais.localstack.LocalStack;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.registry.RegistryClientConfig;
import fr.ais.settings.Flags;
import fr.ais.settings.SettingGroup;
import fr.ais.settings.Settings;
import java.util.List;
import java.util.Map;

/**
 * The settings of the command line: the groups its modules declare, resolved together, so that
 * {@code ais config} shows and checks them all and a key of {@code AIS_CONFIG_FILE} that none
 * declares is reported. A setting is added in its module's group, not here.
 */
public final class AisSettings {

    /** In the order {@code ais config} prints them. */
    public static final List<SettingGroup> GROUPS = List.of(KafkaConnection.SETTINGS, RegistryClientConfig.SETTINGS,
            PseudonymKey.SETTINGS, IngestSettings.SETTINGS, OuiFormApiConfig.SETTINGS, StreamsAppConfig.SETTINGS,
            ProgressSettings.SETTINGS, ServingConfig.SETTINGS, MetricsEndpoint.SETTINGS, LocalStack.Config.SETTINGS);

    private AisSettings() {
    }

    /** Every setting: {@code flags}, then {@code environment}, then {@code AIS_CONFIG_FILE}, then the defaults. */
    public static Settings resolve(Map<String, String> environment, Flags flags) {
        return Settings.resolve(GROUPS, environment, flags);
    }
}
