package fr.ais.cli;

import fr.ais.cli.pipeline.MetricsEndpoint;
import fr.ais.cli.pipeline.Pipeline;
import fr.ais.ingest.PseudonymKey;
import fr.ais.ingest.Pseudonymizer;
import fr.ais.ingest.publish.IngestSettings;
import fr.ais.ingest.publish.DropDirectoryService;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.schemas.Source;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish a source export exactly once: accepted records as events, the others as dead letters."
                + " An interrupted run resumes; a file already ingested publishes nothing unless --force."
                + " With --watch DIR, publish every file dropped into DIR, then move it to DIR/done/, or to"
                + " DIR/failed/ with a <name>.reason.txt when the file is unusable; runs until Ctrl-C.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "pe, imilo or ouiform.")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The export file (not with --watch).")
    Path file;

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Watch a drop directory instead of ingesting one FILE: files are taken in name order once"
                    + " their size is stable; names ending .part or .tmp and hidden files are ignored.")
    Path watch;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "With --watch: serve the connector's Prometheus metrics on http://127.0.0.1:PORT/metrics.")
    Integer metricsPort;

    @Option(names = "--charset", defaultValue = "UTF-8", converter = ExportCharset.class,
            description = "Charset of the file (legacy PE exports: ISO-8859-1; default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--force", description = "Publish again a file that was already fully ingested (not with --watch).")
    boolean force;

    @Override
    public Integer call() throws InterruptedException {
        Source s = parseSource(source);
        checkArguments();
        Settings settings = AisCommand.settings(spec, connectionOptions.addTo(Flags.none()));
        Pseudonymizer pseudonymizer = PseudonymKey.from(settings);
        Pipeline pipeline = new Pipeline(AisCommand.connection(spec, settings), false, IngestSettings.from(settings));
        if (watch != null) {
            return watch(pipeline, s, pseudonymizer, settings.get(MetricsEndpoint.HOST));
        }
        ProgressLine progress = ProgressLine.onConsole(System.out, file.getFileName().toString());
        IngestSummary summary = pipeline.ingest(s, file, charset, pseudonymizer, force, progress::records);
        progress.end();
        System.out.println(summary.line());
        return 0;
    }

    void checkArguments() {
        if (watch == null && file == null) {
            throw new UsageException("give the export FILE, or --watch DIR");
        }
        if (watch != null && file != null) {
            throw new UsageException("give either the export FILE or --watch DIR, not both");
        }
        if (watch == null && metricsPort != null) {
            throw new UsageException("--metrics-port goes with --watch: a one-shot run prints its summary");
        }
        if (watch != null && force) {
            throw new UsageException("--force cannot be used with --watch");
        }
    }

    private int watch(Pipeline pipeline, Source s, Pseudonymizer pseudonymizer, String metricsHost)
            throws InterruptedException {
        DropDirectoryService service = pipeline.watch(s, watch, charset, pseudonymizer, new DropDirectoryService.Listener() {
            @Override
            public void ingested(Path dropped, IngestSummary summary, Path movedTo) {
                System.out.println(summary.line());
            }

            @Override
            public void failed(Path dropped, Exception error, Path movedTo) {
                System.out.println(dropped.getFileName() + ": unusable, moved to " + movedTo + ": "
                        + UserException.withoutFileName(dropped, error.getMessage()));
            }

            @Override
            public void willRetry(Path dropped, Exception error) {
                System.err.println(dropped.getFileName() + ": cannot be ingested now, trying again later: "
                        + error.getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ais-ingest-watch-shutdown"));
        System.out.println("watching " + service.directory() + " for " + source + " exports; Ctrl-C stops");
        try (MetricsEndpoint metrics = metricsPort == null ? null : MetricsEndpoint.start(pipeline.registry(),
                metricsHost, metricsPort)) {
            if (metrics != null) {
                System.out.println("metrics     " + metrics.url());
            }
            service.awaitClosed();
        }
        return 0;
    }

    static Source parseSource(String name) {
        try {
            return Source.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown source '" + name + "': pe, imilo or ouiform");
        }
    }
}
