package fr.ais.ingest.targets;

import fr.ais.schemas.Objective;
import fr.ais.schemas.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets file (SPEC §5): {@code annee;code_region;objectif;cible_annuelle;profil_mensuel}.
 * The whole file is validated before anything is used: either every line is a valid target, or
 * every error is listed with its line and nothing is loaded.
 */
public final class TargetsFile {

    public static final String HEADER = "annee;code_region;objectif;cible_annuelle;profil_mensuel";

    /** The 18 INSEE region codes (SPEC §2). */
    public static final Set<String> REGIONS = Set.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32",
            "44", "52", "53", "75", "76", "84", "93", "94");

    private TargetsFile() {
    }

    /** Every target of the file, or every error. */
    public record Parsed(List<Target> targets, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Parsed read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return parse(lines);
    }

    static Parsed parse(List<String> lines) {
        List<Target> targets = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (lines.isEmpty() || !stripBom(lines.get(0)).trim().equals(HEADER)) {
            errors.add("line 1: the header must be '" + HEADER + "'");
            return new Parsed(List.of(), errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != 5) {
                errors.add("line " + lineNumber + ": expected 5 fields separated by ';', found " + f.length);
                continue;
            }
            List<String> lineErrors = new ArrayList<>();
            Integer year = parseYear(f[0].trim(), lineErrors);
            String region = f[1].trim();
            if (!REGIONS.contains(region)) {
                lineErrors.add("code_region '" + region + "' is not one of the 18 INSEE region codes");
            }
            Objective objective = null;
            try {
                objective = Objective.valueOf(f[2].trim());
            } catch (IllegalArgumentException e) {
                lineErrors.add("objectif '" + f[2].trim() + "' must be GLOBAL, PE or ML");
            }
            Double annual = parseNonNegative(f[3].trim(), "cible_annuelle", lineErrors);
            List<Double> profile = parseProfile(f[4].trim(), lineErrors);
            if (lineErrors.isEmpty()) {
                String key = year + ";" + region + ";" + objective;
                Integer first = seen.putIfAbsent(key, lineNumber);
                if (first != null) {
                    lineErrors.add("duplicate target for " + key.replace(';', ' ') + " (first on line " + first + ")");
                }
            }
            if (lineErrors.isEmpty()) {
                targets.add(new Target(year, region, objective, annual, profile));
            } else {
                lineErrors.forEach(e -> errors.add("line " + lineNumber + ": " + e));
            }
        }
        return new Parsed(errors.isEmpty() ? targets : List.of(), errors);
    }

    private static Integer parseYear(String value, List<String> errors) {
        try {
            int year = Integer.parseInt(value);
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("annee '" + value + "' is not a year");
        return null;
    }

    private static Double parseNonNegative(String value, String field, List<String> errors) {
        try {
            double v = Double.parseDouble(value);
            if (v >= 0 && Double.isFinite(v) && value.matches("[0-9]+(\\.[0-9]+)?")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field + " '" + value + "' must be a non-negative number (dot as decimal separator)");
        return null;
    }

    private static List<Double> parseProfile(String value, List<String> errors) {
        if (value.isEmpty()) {
            return List.of();
        }
        String[] weights = value.split("\\|", -1);
        if (weights.length != 12) {
            errors.add("profil_mensuel must be empty or 12 weights separated by '|', found " + weights.length);
            return List.of();
        }
        List<Double> profile = new ArrayList<>();
        for (String w : weights) {
            Double weight = parseNonNegative(w.trim(), "profil_mensuel weight", errors);
            profile.add(weight == null ? 0.0 : weight);
        }
        if (profile.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            errors.add("profil_mensuel weights must have a positive sum");
        }
        return profile;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
