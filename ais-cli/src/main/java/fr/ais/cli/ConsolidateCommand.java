package fr.ais.cli;

import fr.ais.cli.pipeline.Pipeline;
import fr.ais.consolidation.app.ConsolidationApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consolidate", mixinStandardHelpOptions = true,
        description = "Run the consolidation (Kafka Streams, exactly-once) until Ctrl-C.")
final class ConsolidateCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--application-id", defaultValue = "${env:AIS_STREAMS_APPLICATION_ID:-ais-consolidation}",
            description = "Kafka Streams application id (env AIS_STREAMS_APPLICATION_ID; default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = "${env:AIS_STREAMS_STATE_DIR:-.ais/streams}",
            description = "State directory, kept across restarts (env AIS_STREAMS_STATE_DIR; default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Override
    public Integer call() throws InterruptedException {
        connection.ensureTopics();
        ConsolidationApp app = new Pipeline(connection, false).startConsolidation(applicationId, stateDir);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "ais-consolidation-shutdown"));
        System.out.println("consolidation running (application id " + applicationId + "); Ctrl-C stops it");
        app.awaitStop();
        return app.failure() == null ? 0 : AisCommand.FAILURE;
    }
}
