package fr.ais.ingest.targets;

import fr.ais.ingest.parsing.FieldProblem;
import fr.ais.ingest.parsing.FieldRules;
import fr.ais.ingest.parsing.PhysicalLines;
import fr.ais.schemas.Objective;
import fr.ais.schemas.Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The targets file (SPEC §5): {@code annee;code_region;objectif;cible_annuelle;profil_mensuel}, UTF-8.
 * The whole file is validated before anything is used: either every line is a valid target, or
 * every error is listed with its line and nothing is loaded.
 *
 * <p>Read as the source exports are ({@link PhysicalLines}): each line decoded strictly (a line that is not UTF-8
 * is an error of its own, the others are still checked), LF, CRLF or a lone CR, a UTF-8 byte order mark skipped.
 * Values are trimmed of white space only: one holding a control or invisible character is an error.
 */
public final class TargetsFile {

    public static final String HEADER = "annee;code_region;objectif;cible_annuelle;profil_mensuel";

    /** The 18 INSEE region codes (SPEC §2). */
    public static final Set<String> REGIONS = FieldRules.INSEE_REGIONS;

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern NON_NEGATIVE = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private TargetsFile() {
    }

    /** Every target of the file, or every error. */
    public record Parsed(List<Target> targets, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Parsed read(Path file) throws IOException {
        List<PhysicalLines.Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             PhysicalLines reader = new PhysicalLines(in, StandardCharsets.UTF_8)) {
            for (PhysicalLines.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return parseLines(lines);
    }

    static Parsed parse(List<String> lines) {
        List<PhysicalLines.Line> physical = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            physical.add(new PhysicalLines.Line(i + 1, lines.get(i), false));
        }
        return parseLines(physical);
    }

    private static Parsed parseLines(List<PhysicalLines.Line> lines) {
        List<Target> targets = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (lines.isEmpty() || !readable(lines.get(0)) || !FieldRules.trim(stripBom(lines.get(0).text())).equals(HEADER)) {
            errors.add("line 1: the header must be '" + HEADER + "'"
                    + (lines.isEmpty() || readable(lines.get(0)) ? "" : " (" + problem(lines.get(0)) + ")"));
            return new Parsed(List.of(), errors);
        }
        Map<String, Long> seen = new HashMap<>();
        for (PhysicalLines.Line physical : lines.subList(1, lines.size())) {
            long lineNumber = physical.number();
            if (physical.isBlank()) {
                continue;
            }
            if (!readable(physical)) {
                errors.add("line " + lineNumber + ": " + problem(physical));
                continue;
            }
            String[] f = physical.text().split(";", -1);
            if (f.length != 5) {
                errors.add("line " + lineNumber + ": expected 5 fields separated by ';', found " + f.length);
                continue;
            }
            List<String> lineErrors = new ArrayList<>();
            String[] values = plain(f, lineErrors);
            if (values == null) {
                lineErrors.forEach(e -> errors.add("line " + lineNumber + ": " + e));
                continue;
            }
            Integer year = parseYear(values[0], lineErrors);
            String region = values[1];
            if (!REGIONS.contains(region)) {
                lineErrors.add("code_region " + FieldRules.shown(region) + " is not one of the 18 INSEE region codes");
            }
            Objective objective = null;
            try {
                objective = Objective.valueOf(values[2]);
            } catch (IllegalArgumentException e) {
                lineErrors.add("objectif " + FieldRules.shown(values[2]) + " must be GLOBAL, PE or ML");
            }
            Double annual = parseNonNegative(values[3], "cible_annuelle", lineErrors);
            List<Double> profile = parseProfile(values[4], lineErrors);
            if (lineErrors.isEmpty()) {
                String key = year + ";" + region + ";" + objective;
                Long first = seen.putIfAbsent(key, lineNumber);
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

    private static boolean readable(PhysicalLines.Line line) {
        return !line.tooLong() && line.undecodable() == null;
    }

    private static String problem(PhysicalLines.Line line) {
        return line.tooLong() ? "longer than " + PhysicalLines.DEFAULT_MAX_CHARS + " characters"
                : line.undecodable().describe();
    }

    private static final String[] COLUMNS = HEADER.split(";");

    /** The trimmed values, or null with the errors of those holding a control or invisible character. */
    private static String[] plain(String[] fields, List<String> errors) {
        String[] values = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                values[i] = FieldRules.trim(FieldRules.plainText(COLUMNS[i], fields[i]));
            } catch (FieldProblem e) {
                errors.add(e.detail());
            }
        }
        return errors.isEmpty() ? values : null;
    }

    private static Integer parseYear(String value, List<String> errors) {
        if (YEAR.matcher(value).matches()) {
            int year = Integer.parseInt(value);
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        }
        errors.add("annee " + FieldRules.shown(value) + " is not a year");
        return null;
    }

    private static Double parseNonNegative(String value, String field, List<String> errors) {
        if (NON_NEGATIVE.matcher(value).matches()) {
            double v = Double.parseDouble(value);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        errors.add(field + " " + FieldRules.shown(value) + " must be a non-negative number (dot as decimal separator)");
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
            Double weight = parseNonNegative(FieldRules.trim(w), "profil_mensuel weight", errors);
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
