package fr.ais.cli;

import fr.ais.cli.pipeline.Connection;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.settings.Flags;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "targets", mixinStandardHelpOptions = true, description = "Manage the regional targets.",
        subcommands = TargetsCommand.Load.class)
final class TargetsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Validate the whole targets file, then load it; nothing is loaded if any line is wrong.")
    static final class Load implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        ConnectionOptions connectionOptions;

        @Parameters(paramLabel = "FILE", description = "annee;code_region;objectif;cible_annuelle;profil_mensuel")
        Path file;

        @Override
        public Integer call() {
            Connection connection = AisCommand.connection(spec,
                    AisCommand.settings(spec, connectionOptions.addTo(Flags.none())));
            int loaded = new Pipeline(connection, false).loadTargets(file);
            System.out.println("loaded " + loaded + " targets from " + file.getFileName());
            return 0;
        }
    }
}
