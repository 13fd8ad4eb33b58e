package fr.ais.cli;

import fr.ais.ingest.ouiform.api.OuiFormApiConfig;
import fr.ais.settings.Flags;
import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import fr.ais.synthetic.fakeouiform.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fake-ouiform", mixinStandardHelpOptions = true,
        description = {"Serve a OuiForm JSON Lines export through a fake OuiForm API, for demos and tests, with faults"
                + " to inject: 429 with Retry-After, 5xx, dropped connections, slow answers.",
                "Example: ais fake-ouiform --data ouiform.jsonl --rate-limit 1 --server-errors 2 --delay PT0.2S"})
final class FakeOuiFormCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "OuiForm JSON Lines file to serve.")
    Path data;

    @Option(names = "--port", defaultValue = "8090", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Spec
    CommandSpec spec;

    /** Without a token set, the demo's: the fake guards nothing. */
    static final String DEMO_TOKEN = "demo-token";

    @Option(names = "--token", description = "Bearer token clients must send (setting ouiform.token,"
            + " AIS_OUIFORM_TOKEN; not set: " + DEMO_TOKEN + ").")
    String token;

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "Answer the first N requests 429 Too Many Requests with Retry-After: --retry-after.")
    int rateLimits;

    @Option(names = "--retry-after", defaultValue = "PT2S",
            description = "Retry-After of the 429 answers, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration retryAfter;

    @Option(names = "--server-errors", paramLabel = "N",
            description = "Then answer N requests with --error-status.")
    int serverErrors;

    @Option(names = "--error-status", defaultValue = "503", description = "5xx status of those (default: ${DEFAULT-VALUE}).")
    int errorStatus;

    @Option(names = "--drop-connections", paramLabel = "N", description = "Close N connections without answering.")
    int drops;

    @Option(names = "--delay", defaultValue = "PT0S",
            description = "Answer every request after this delay, ISO-8601, e.g. PT0.5S (default: none).")
    Duration delay;

    @Override
    public Integer call() throws Exception {
        Faults faults = Faults.none().rateLimit(rateLimits, retryAfter).dropConnections(drops).delay(delay);
        if (serverErrors > 0) {
            faults.serverErrors(serverErrors, errorStatus);
        }
        String required = AisCommand.settings(spec, Flags.none().set(OuiFormApiConfig.TOKEN, "--token", token))
                .get(OuiFormApiConfig.TOKEN);
        FakeOuiFormServer.run(data, port, required.isBlank() ? DEMO_TOKEN : required, faults);
        return 0;
    }
}
