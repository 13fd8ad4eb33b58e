package fr.ais.cli;

import fr.ais.cli.pipeline.Pipeline;
import fr.ais.ingest.publish.IngestSummary;
import fr.ais.schemas.Source;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish a source export exactly once: accepted records as events, the others as dead letters."
                + " An interrupted run resumes; a file already ingested publishes nothing unless --force.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "pe, imilo or ouiform.")
    String source;

    @Parameters(index = "1", paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--charset", defaultValue = "UTF-8",
            description = "Charset of the file (legacy PE exports: ISO-8859-1; default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--force", description = "Publish again a file that was already fully ingested.")
    boolean force;

    @Override
    public Integer call() {
        Source s = parseSource(source);
        Pipeline pipeline = new Pipeline(connection, false);
        IngestSummary summary = pipeline.ingest(s, file, charset, PseudonymKey.fromSettings(System.getenv()), force,
                done -> { });
        System.out.println(summary.line());
        return 0;
    }

    static Source parseSource(String name) {
        try {
            return Source.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown source '" + name + "': pe, imilo or ouiform");
        }
    }
}
