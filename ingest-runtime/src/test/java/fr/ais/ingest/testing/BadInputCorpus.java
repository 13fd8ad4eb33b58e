package fr.ais.ingest.testing;

import fr.ais.schemas.RejectReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A source's bad-input corpus: the files under {@code src/test/resources/bad-input} of its module, with their
 * {@code manifest.csv} (one case a line: {@code case;file;charset;accepted;rejections;unusable}) and
 * {@code personal.txt} (the personal values the files hold, one a line). Fixtures, not strings in code: a case is
 * added by adding a file and its line.
 */
public record BadInputCorpus(Path directory, List<Case> cases, List<String> personalValues) {

    /** A record the case rejects: its line, reason and field (null when the record has none). */
    public record Rejected(long line, RejectReason reason, String field) {

        static Rejected parse(String text) {
            String[] parts = text.split(":", 3);
            return new Rejected(Long.parseLong(parts[0]), RejectReason.valueOf(parts[1]), parts[2].equals("-") ? null : parts[2]);
        }

        @Override
        public String toString() {
            return line + ":" + reason + ":" + (field == null ? "-" : field);
        }
    }

    /**
     * One case.
     *
     * @param unusable null when the file is read; else a text the message refusing the whole file holds
     */
    public record Case(String name, String file, Charset charset, long accepted, List<Rejected> rejections,
            String unusable) {

        /** The file's name as the connector sees it (a gzipped fixture is read gunzipped). */
        public String origin() {
            return file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        }
    }

    /** The corpus of the module running the test: {@code bad-input/} on its test class path. */
    public static BadInputCorpus load() {
        URL manifest = Thread.currentThread().getContextClassLoader().getResource("bad-input/manifest.csv");
        if (manifest == null) {
            throw new IllegalStateException("no bad-input/manifest.csv on the test class path");
        }
        try {
            Path dir = Path.of(manifest.toURI()).getParent();
            List<Case> cases = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("case;")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                if (f.length != 6) {
                    throw new IllegalStateException("manifest line with " + f.length + " fields instead of 6: " + line);
                }
                List<Rejected> rejections = f[4].isBlank() ? List.of()
                        : Arrays.stream(f[4].trim().split(" +")).map(Rejected::parse).toList();
                cases.add(new Case(f[0], f[1], Charset.forName(f[2]), Long.parseLong(f[3]), rejections,
                        f[5].isEmpty() ? null : f[5]));
            }
            List<String> personal = Files.readAllLines(dir.resolve("personal.txt"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::trim).toList();
            return new BadInputCorpus(dir, List.copyOf(cases), personal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a case's file, gunzipped when it ends {@code .gz}. */
    public byte[] bytes(Case c) {
        Path file = directory.resolve(c.file());
        try (InputStream in = c.file().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of a file counted without its connector: its non-blank physical lines (LF, CRLF or CR ends) but
     * the first {@code headerLines}.
     */
    public static long records(byte[] bytes, Charset charset, int headerLines) {
        String text = new String(bytes, charset);
        long count = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.chars().allMatch(c -> Character.isSpaceChar(c) || c == '\t' || c == '\u000B' || c == '\f')) {
                count++;
            }
        }
        return Math.max(0, count - headerLines);
    }
}
