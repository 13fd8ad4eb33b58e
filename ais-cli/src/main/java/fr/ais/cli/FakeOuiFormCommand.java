package fr.ais.cli;

import fr.ais.synthetic.fakeouiform.FakeOuiFormServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fake-ouiform", mixinStandardHelpOptions = true,
        description = "Serve a OuiForm JSON Lines export through a fake OuiForm API, for demos and tests.")
final class FakeOuiFormCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "OuiForm JSON Lines file to serve.")
    Path data;

    @Option(names = "--port", defaultValue = "8090", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--token", defaultValue = "${env:AIS_OUIFORM_TOKEN:-demo-token}",
            description = "Bearer token clients must send (env AIS_OUIFORM_TOKEN).")
    String token;

    @Override
    public Integer call() throws Exception {
        FakeOuiFormServer.run(data, port, token);
        return 0;
    }
}
