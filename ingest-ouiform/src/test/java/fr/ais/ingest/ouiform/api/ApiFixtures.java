package fr.ais.ingest.ouiform.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small OuiForm feeds for the fake API: valid items, some rejected ones, and ties on {@code updatedAt}. */
final class ApiFixtures {

    static final String TOKEN = "s3cr3t-t0ken-never-shown";
    static final Instant START = Instant.parse("2021-03-01T08:00:00Z");

    private ApiFixtures() {
    }

    /**
     * Writes {@code count} items: item {@code i} is updated at START + (i / 3) minutes, so items come in ties of
     * three; every {@code badEvery}-th item (0 for none) has an unknown region and is rejected.
     */
    static Path feed(Path dir, int count, int badEvery) throws IOException {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean bad = badEvery > 0 && i % badEvery == badEvery - 1;
            lines.add(item(i, START.plusSeconds(60L * (i / 3)), bad));
        }
        Path file = dir.resolve("ouiform-feed.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Appends items {@code from} to {@code from + count - 1}, updated at {@code at}. */
    static void append(Path file, int from, int count, Instant at) throws IOException {
        List<String> lines = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            lines.add(item(i, at, false));
        }
        Files.write(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    static String id(int i) {
        return String.format("7f1c2a9e-%04d", i);
    }

    static String item(int i, Instant updatedAt, boolean bad) {
        return String.format("{\"id\":\"%s\",\"updatedAt\":\"%s\",\"status\":\"ENTERED\","
                + "\"prescriber\":{\"type\":\"MISSION_LOCALE\",\"structureCode\":\"ML44012\",\"regionCode\":\"%s\"},"
                + "\"beneficiary\":{\"peIdentifier\":null,\"miloId\":\"%07d\",\"birthDate\":\"2003-05-17\"},"
                + "\"session\":{\"number\":\"SE-2021-%06d\",\"providerSiret\":\"12345678900011\","
                + "\"startDate\":\"2021-03-15\",\"endDate\":\"2021-06-30\",\"regionCode\":\"52\"}}",
                id(i), updatedAt, bad ? "99" : "52", 4_410_000 + i, i);
    }
}
