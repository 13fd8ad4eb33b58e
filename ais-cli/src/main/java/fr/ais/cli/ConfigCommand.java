package fr.ais.cli;

import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Validate and print the effective settings, where each comes from, secrets masked (an unset"
                + " one shows 'not set').",
                "Every command reads its settings this one way: a command-line flag, then the environment variable"
                        + " (AIS_…; a secret also from the file named by AIS_…_FILE), then the properties file named"
                        + " by AIS_CONFIG_FILE (keys are the setting names, e.g. streams.threads=2; a secret may name"
                        + " its file with <name>.file), then the default.",
                "Any Kafka client property passes through as AIS_KAFKA_CLIENT_<PROPERTY> (dots as underscores) or"
                        + " kafka.client.<property> in the file.",
                "Every wrong setting is reported at once, exit code 2: values that cannot be read or break their"
                        + " rule, keys of the file that are no setting (with the closest name), keys set twice,"
                        + " settings that contradict each other."})
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = AisCommand.settings(spec, Flags.none());
        PrintWriter out = spec.commandLine().getOut();
        String file = AisCommand.environment(spec).get(Settings.CONFIG_FILE);
        out.println("settings file: " + (file == null || file.isBlank() ? "none (" + Settings.CONFIG_FILE + " not set)"
                : file));
        out.printf("%-36s %-40s %-12s %s%n", "SETTING", "VALUE", "FROM", "ENVIRONMENT VARIABLE");
        for (Settings.Row row : settings.describe()) {
            out.printf("%-36s %-40s %-12s %s%n", row.name(), row.value(),
                    row.origin().name().toLowerCase(Locale.ROOT), row.environmentVariable());
        }
        out.flush();
        return 0;
    }
}
