package fr.ais.cli;

import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.progress.ProgressCalculator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write aggregates.csv, progress.csv, quality.csv and rejected.csv (SPEC §6) from the pipeline's topics.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() {
        new Pipeline(connection, false).export(out, progress.asOf(), progress.calculator());
        System.out.println("wrote the exports into " + out);
        return 0;
    }
}
