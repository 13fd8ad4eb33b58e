package fr.ais.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective connection settings and every AIS_* variable, secrets masked.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        System.out.println("bootstrap servers   " + connection.bootstrapServers);
        System.out.println("schema registry     " + connection.registryUrl);
        System.out.println("topic namespace     " + (connection.topicNamespace.isEmpty() ? "(none)" : connection.topicNamespace));
        System.out.println("replication factor  " + connection.replicationFactor);
        Map<String, String> ais = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("AIS_")) {
                ais.put(k, masked(k, v));
            }
        });
        ais.forEach((k, v) -> System.out.println(k + "=" + v));
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
