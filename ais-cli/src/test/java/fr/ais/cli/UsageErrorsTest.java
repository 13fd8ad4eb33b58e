package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ais.cli.AisCommandHelpTest.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A usage error exits with 2, everywhere; a failure the user can act on exits with 1 and says where (issue 14). */
class UsageErrorsTest {

    private static Run run(String... args) {
        return AisCommandHelpTest.run(args);
    }

    @Test
    void a_date_that_does_not_exist_is_a_usage_error() {
        Run run = run("export", "--out", "x", "--as-of", "2021-13-01");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.err()).contains("progress.as.of (--as-of) = '2021-13-01' cannot be read");
    }

    @Test
    void a_threshold_out_of_range_is_a_usage_error_reported_with_every_other() {
        Run run = run("export", "--out", "x", "--at-risk", "-1", "--on-track", "0.8", "--as-of", "31/12/2021");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.err().lines()).containsExactly("ais: 2 setting(s) wrong:",
                "  - progress.as.of (--as-of) = '31/12/2021' cannot be read: not a date YYYY-MM-DD",
                "  - progress.at.risk.threshold (--at-risk) = '-1' must be positive");
    }

    @Test
    void thresholds_in_the_wrong_order_are_a_usage_error() {
        Run run = run("replay", "--out", "x", "--pe", "pe.csv", "--at-risk", "0.95", "--on-track", "0.9");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.err()).contains("progress.at.risk.threshold must not exceed progress.on.track.threshold");
    }

    @Test
    void a_charset_whose_lines_the_connectors_cannot_split_is_a_usage_error_before_any_file_is_read() {
        Run ingest = run("ingest", "pe", "no-such.csv", "--charset", "UTF-16");
        Run replay = run("replay", "--out", "x", "--pe", "no-such.csv", "--pe-charset", "UTF-16");

        assertThat(ingest.code()).isEqualTo(AisCommand.USAGE);
        assertThat(ingest.err()).contains("cannot read exports in UTF-16").doesNotContain("no such file");
        assertThat(replay.code()).isEqualTo(AisCommand.USAGE);
        assertThat(replay.err()).contains("cannot read exports in UTF-16");
    }

    @Test
    void an_unknown_source_is_a_usage_error() {
        Run run = run("ingest", "nosuch", "x.csv");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.err().strip()).isEqualTo("ais: unknown source 'nosuch': pe, imilo or ouiform");
    }

    @Test
    void an_unknown_command_is_a_usage_error_even_with_help() {
        Run run = run("nosuchcommand", "--help");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.out()).doesNotContain("Usage:");
        assertThat(run.err()).startsWith("ais: unknown command 'nosuchcommand'");
        assertThat(run("targets", "unload").err()).startsWith("ais: unknown command 'unload' of ais targets");
    }

    @Test
    void a_wrong_setting_of_the_environment_is_a_usage_error_of_every_command() {
        Run run = AisCommandHelpTest.run(Map.of("AIS_TOPIC_REPLICATION_FACTOR", "three"), "topics");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.err()).contains("topic.replication.factor (AIS_TOPIC_REPLICATION_FACTOR) = 'three'");
    }

    @Test
    void a_missing_pseudonym_key_is_reported_as_a_setting() {
        Run run = run("ingest", "pe", "pe.csv");

        assertThat(run.code()).isEqualTo(AisCommand.USAGE);
        assertThat(run.err()).contains("pseudonym.key (AIS_PSEUDONYM_KEY or AIS_PSEUDONYM_KEY_FILE) is required");
    }

    @Test
    void a_broker_that_cannot_be_reached_is_named() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String servers = "127.0.0.1:" + closed;
        Run run = AisCommandHelpTest.run(Map.of("AIS_KAFKA_CLIENT_DEFAULT_API_TIMEOUT_MS", "2000",
                "AIS_KAFKA_CLIENT_REQUEST_TIMEOUT_MS", "1000"), "topics", "--bootstrap-servers", servers);

        assertThat(run.code()).isEqualTo(AisCommand.FAILURE);
        assertThat(run.err()).startsWith("ais: no answer from the Kafka cluster at " + servers
                + " (kafka.bootstrap.servers, AIS_KAFKA_BOOTSTRAP_SERVERS or --bootstrap-servers)");
    }
}
