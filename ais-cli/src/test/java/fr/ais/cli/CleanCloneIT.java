package fr.ais.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ais --help} works on a clean clone of the committed files: the launcher builds what it needs. */
class CleanCloneIT {

    @TempDir
    Path dir;

    @Test
    void ais_help_works_on_a_clean_clone() throws IOException, InterruptedException {
        Path clone = dir.resolve("clone");
        run(Path.of(".."), "git", "clone", "--quiet", "--no-hardlinks", Path.of("..").toAbsolutePath().normalize().toString(),
                clone.toString());
        ProcessBuilder ais = new ProcessBuilder("./ais", "--help").directory(clone.toFile()).redirectErrorStream(true);
        // the dependencies are already in the local repository: build the clone offline
        ais.environment().put("AIS_MVN_ARGS", "-o");
        Process process = ais.start();
        assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("./ais --help finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("building ais (first run or sources changed)").contains("Usage: ais");
        assertThat(clone.resolve("ais-cli/target/ais.jar")).exists();
    }

    private static void run(Path where, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(where.toFile()).inheritIO().start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
