package fr.ais.synthetic;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param people        number of young people (each has one prescription, some a second one)
 * @param seed          the same seed and options always give the same bytes
 * @param year          the year of the training entries and of the targets
 * @param outDir        where to write the files (created if missing)
 * @param peCharset     charset of {@code pe.csv}: UTF-8, or ISO-8859-1 like legacy exports
 * @param badRecordRate share of intentionally bad records in each source file (at least one of every rejection
 *                      kind when positive); 0 for none
 */
public record GeneratorOptions(int people, long seed, int year, Path outDir, Charset peCharset, double badRecordRate) {

    public static final int DEFAULT_PEOPLE = 1000;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_YEAR = 2021;
    public static final double DEFAULT_BAD_RECORD_RATE = 0.01;

    public GeneratorOptions {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(peCharset, "peCharset");
        if (people < 1) {
            throw new IllegalArgumentException("people must be at least 1, was " + people);
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("year must be between 2000 and 2100, was " + year);
        }
        if (!(badRecordRate >= 0 && badRecordRate < 0.5)) {
            throw new IllegalArgumentException("badRecordRate must be in [0, 0.5), was " + badRecordRate);
        }
        if (!StandardCharsets.UTF_8.equals(peCharset) && !StandardCharsets.ISO_8859_1.equals(peCharset)) {
            throw new IllegalArgumentException("peCharset must be UTF-8 or ISO-8859-1, was " + peCharset);
        }
    }

    /** 1000 people, seed 42, year 2021, UTF-8, 1 % bad records. */
    public static GeneratorOptions defaults(Path outDir) {
        return new GeneratorOptions(DEFAULT_PEOPLE, DEFAULT_SEED, DEFAULT_YEAR, outDir, StandardCharsets.UTF_8,
                DEFAULT_BAD_RECORD_RATE);
    }

    public GeneratorOptions withPeople(int n) {
        return new GeneratorOptions(n, seed, year, outDir, peCharset, badRecordRate);
    }

    public GeneratorOptions withSeed(long s) {
        return new GeneratorOptions(people, s, year, outDir, peCharset, badRecordRate);
    }

    public GeneratorOptions withYear(int y) {
        return new GeneratorOptions(people, seed, y, outDir, peCharset, badRecordRate);
    }

    public GeneratorOptions withOutDir(Path dir) {
        return new GeneratorOptions(people, seed, year, dir, peCharset, badRecordRate);
    }

    public GeneratorOptions withPeCharset(Charset charset) {
        return new GeneratorOptions(people, seed, year, outDir, charset, badRecordRate);
    }

    public GeneratorOptions withBadRecordRate(double rate) {
        return new GeneratorOptions(people, seed, year, outDir, peCharset, rate);
    }
}
