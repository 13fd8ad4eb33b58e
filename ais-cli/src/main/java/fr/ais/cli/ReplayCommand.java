package fr.ais.cli;

import fr.ais.cli.pipeline.LocalRun;
import fr.ais.consolidation.progress.ProgressSettings;
import fr.ais.ingest.PseudonymKey;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-compute a year from raw exports: a fresh embedded stack in a temporary directory,"
                + " the three connectors, the consolidation (exactly-once, same code as production), then the four"
                + " SPEC §6 exports. Everything is removed afterwards; only the exports stay.",
                "Example: ais replay --pe pe.csv --imilo imilo.jsonl --ouiform ouiform.jsonl --targets targets.csv"
                        + " --as-of 2021-12-31 --out exports"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pe", paramLabel = "FILE", description = "Pôle emploi AIS export (CSV).")
    Path pe;

    @Option(names = "--imilo", paramLabel = "FILE", description = "I-Milo export (JSON Lines).")
    Path imilo;

    @Option(names = "--ouiform", paramLabel = "FILE", description = "OuiForm export (JSON Lines).")
    Path ouiform;

    @Option(names = "--targets", paramLabel = "FILE", description = "Targets file (CSV).")
    Path targets;

    @Option(names = "--pe-charset", defaultValue = "UTF-8", converter = ExportCharset.class,
            description = "Charset of the PE export (legacy: ISO-8859-1; default: ${DEFAULT-VALUE}).")
    Charset peCharset;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the exports.")
    Path out;

    /** The progress settings, the as-of date fixed for the run. */
    ProgressSettings progress() {
        ProgressSettings progress = ProgressSettings.from(
                AisCommand.settings(spec, progressOptions.addTo(Flags.none())), Clock.systemUTC());
        return progress.asOf(progress.asOf().get());
    }

    @Override
    public Integer call() throws Exception {
        if (pe == null && imilo == null && ouiform == null) {
            throw new UsageException("give at least one source export: --pe, --imilo or --ouiform");
        }
        ProgressSettings progress = progress();
        Settings settings = AisCommand.settings(spec, Flags.none());
        for (Path p : new Path[] {pe, imilo, ouiform, targets}) {
            if (p != null && !java.nio.file.Files.isRegularFile(p)) {
                throw new UserException("no such file: " + p);
            }
        }
        try (LocalRun run = LocalRun.temporary(System.out)) {
            LocalRun.Result result = run.run(new LocalRun.Inputs(pe, imilo, ouiform, targets, peCharset),
                    PseudonymKey.ephemeral(), progress, out, null, settings);
            System.out.printf(java.util.Locale.ROOT,
                    "replayed: %d records read, %d accepted, %d rejected, %d consolidated prescriptions, %.1f s%n",
                    result.read(), result.accepted(), result.rejected(), result.consolidated(), result.seconds());
        }
        return 0;
    }
}
