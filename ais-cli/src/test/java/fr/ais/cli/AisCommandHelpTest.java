package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command answers --help with its usage and exit code 0; a usage error exits with 2. */
class AisCommandHelpTest {

    @ParameterizedTest(name = "ais {0} --help")
    @ValueSource(strings = {"", "demo", "replay", "stack", "registry", "topics", "acls", "config", "generate", "ingest", "targets",
            "targets load", "consolidate", "export", "fake-ouiform"})
    void every_command_has_help(String command) {
        List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");
        Run run = run(args.toArray(String[]::new));
        assertThat(run.code).isZero();
        assertThat(run.out).contains("Usage: ais" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void every_option_has_a_description_those_of_settings_from_the_setting() {
        List<CommandLine.Model.OptionSpec> options = new java.util.ArrayList<>();
        java.util.ArrayDeque<CommandLine> commands = new java.util.ArrayDeque<>(List.of(AisCommand.commandLine()));
        while (!commands.isEmpty()) {
            CommandLine command = commands.pop();
            options.addAll(command.getCommandSpec().options());
            commands.addAll(command.getSubcommands().values());
        }

        assertThat(options).allSatisfy(o -> assertThat(String.join(" ", o.description()))
                .as(o.longestName()).isNotBlank());
        assertThat(options).filteredOn(o -> o.longestName().equals("--bootstrap-servers")).allSatisfy(o ->
                assertThat(String.join(" ", o.description())).contains("kafka.bootstrap.servers",
                        "AIS_KAFKA_BOOTSTRAP_SERVERS", "default: localhost:9092"));
    }

    @Test
    void a_usage_error_exits_with_2_and_says_what_is_wrong() {
        Run run = run("replay", "--out", "x", "--no-such-option");
        assertThat(run.code).isEqualTo(AisCommand.USAGE);
        assertThat(run.err).contains("--no-such-option");
    }

    @Test
    void a_usage_error_of_the_command_is_one_line_without_stack_trace_and_exits_with_2() {
        Run run = run("replay", "--out", "x");
        assertThat(run.code).isEqualTo(AisCommand.USAGE);
        assertThat(run.err.strip()).isEqualTo("ais: give at least one source export: --pe, --imilo or --ouiform");
    }

    @Test
    void a_user_error_is_one_line_without_stack_trace() {
        Run run = run("replay", "--pe", "no-such-export.csv", "--out", "x");
        assertThat(run.code).isEqualTo(AisCommand.FAILURE);
        assertThat(run.err.strip()).isEqualTo("ais: no such file: no-such-export.csv");
    }

    @Test
    void ingest_takes_either_a_file_or_a_drop_directory() {
        assertThat(run("ingest", "pe").err.strip()).isEqualTo("ais: give the export FILE, or --watch DIR");
        assertThat(run("ingest", "pe", "x.csv", "--watch", "drop").err.strip())
                .isEqualTo("ais: give either the export FILE or --watch DIR, not both");
        Run run = run("ingest", "pe", "--watch", "drop", "--force");
        assertThat(run.code).isEqualTo(AisCommand.USAGE);
        assertThat(run.err.strip()).isEqualTo("ais: --force cannot be used with --watch");
    }

    @Test
    void demo_on_a_taken_port_fails_before_any_work(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run run = run("demo", "--port", Integer.toString(port), "--dir", dir.resolve("demo").toString());
            assertThat(run.code).isEqualTo(AisCommand.FAILURE);
            assertThat(run.err.strip()).isEqualTo("ais: port " + port + " is taken: give another with --port"
                    + " (0: any free port), or --once to print the figures without serving them");
            assertThat(dir.resolve("demo")).doesNotExist();
        }
    }

    @Test
    void secrets_are_masked_in_the_printed_configuration(@TempDir Path dir) throws IOException {
        Path key = java.nio.file.Files.writeString(dir.resolve("key"), "a very secret key in a file");
        Run run = run(Map.of("AIS_PSEUDONYM_KEY_FILE", key.toString(), "AIS_SCHEMA_REGISTRY_USER", "ais",
                "AIS_SCHEMA_REGISTRY_PASSWORD", "pw-9f3e", "AIS_TOPIC_NAMESPACE", "test.",
                "AIS_KAFKA_CLIENT_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"u\" password=\"jaas-pw\";",
                "AIS_KAFKA_CLIENT_SSL_KEY_PASSWORD", "key-pw", "AIS_KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL"),
                "config");
        assertThat(run.code).isZero();
        assertThat(run.out).doesNotContain("a very secret key", "pw-9f3e", "jaas-pw", "key-pw")
                .containsPattern("pseudonym.key +\\*\\*\\*\\* +secret_file +AIS_PSEUDONYM_KEY")
                .containsPattern("schema.registry.password +\\*\\*\\*\\* +environment")
                .containsPattern("kafka.client.sasl.jaas.config +\\*\\*\\*\\* +environment")
                .containsPattern("kafka.client.ssl.key.password +\\*\\*\\*\\* +environment")
                .containsPattern("kafka.client.security.protocol +SASL_SSL +environment")
                .containsPattern("topic.namespace +test\\. +environment");
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code ais args} in this JVM, with {@code environment} as its whole environment. */
    static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine commandLine = AisCommand.commandLine(environment);
            commandLine.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
            commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = commandLine.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }
}
