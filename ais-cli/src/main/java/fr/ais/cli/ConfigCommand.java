package fr.ais.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import fr.ais.platform.settings.AisSettings;
import fr.ais.platform.settings.InvalidSettingsException;
import fr.ais.platform.settings.Settings;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Validate and print the effective settings, where each comes from, secrets masked.",
                "Precedence: command-line flag, then environment variable (AIS_…), then the properties file named by"
                        + " AIS_CONFIG_FILE, then the default. Every wrong setting is reported at once (exit code 2)."})
final class ConfigCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = AisSettings.resolve(System.getenv(), Map.of());
        } catch (InvalidSettingsException e) {
            System.err.println("ais: " + e.getMessage());
            return AisCommand.USAGE;
        }
        System.out.printf("%-36s %-40s %-12s %s%n", "SETTING", "VALUE", "FROM", "ENVIRONMENT VARIABLE");
        for (Settings.Row row : settings.describe()) {
            System.out.printf("%-36s %-40s %-12s %s%n", row.name(), row.value().isEmpty() ? "(empty)" : row.value(),
                    row.origin().name().toLowerCase(java.util.Locale.ROOT), row.environmentVariable());
        }
        Map<String, String> passThrough = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("AIS_KAFKA_CLIENT_")) {
                passThrough.put(k, masked(k, v));
            }
        });
        passThrough.forEach((k, v) -> System.out.println("client property " + k + "=" + v));
        return 0;
    }

    /** Keys, passwords, tokens and JAAS configs are never printed. */
    static String masked(String name, String value) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        boolean secret = n.contains("KEY") || n.contains("PASSWORD") || n.contains("TOKEN") || n.contains("SECRET")
                || n.contains("JAAS");
        return secret && !n.endsWith("_FILE") ? "****" : value;
    }
}
