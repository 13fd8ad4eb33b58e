package fr.ais.cli;

import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write aggregates.csv, progress.csv, quality.csv and rejected.csv (SPEC §6) from the pipeline's topics.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() {
        Settings settings = AisCommand.settings(spec, progressOptions.addTo(connectionOptions.addTo(Flags.none())));
        ProgressSettings progress = ProgressSettings.from(settings, Clock.systemUTC());
        LocalDate asOf = progress.asOf().get();
        new Pipeline(AisCommand.connection(spec, settings), false).export(out, asOf, progress.calculator());
        System.out.println("wrote the exports into " + out);
        return 0;
    }
}
