package fr.ais.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.schemas.RejectReason;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plain, independent reading of SPEC §3 and §3.4 for the tests: parses one source line and says whether, and why,
 * a connector must reject it. Written from the SPEC, not from the generator.
 */
final class SpecRecordChecker {

    record Violation(RejectReason reason, String field) {
    }

    static final Set<String> REGIONS = Set.of("01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52",
            "53", "75", "76", "84", "93", "94");
    static final Pattern DE = Pattern.compile("[0-9]{7}[0-9A-Z]");
    static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter FR_DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    static final List<String> PE_COLUMNS = List.of("id_ais", "type_mouvement", "date_mouvement", "identifiant_de",
            "date_naissance", "numero_session", "siret_organisme", "date_entree", "date_fin", "code_region_formation",
            "code_structure_prescripteur", "type_prescripteur", "code_region_prescripteur", "financeur");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpecRecordChecker() {
    }

    /** Splits a {@code ;} line with optional double quotes; null when the quoting is broken. Values are trimmed. */
    static List<String> splitCsv(String line) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        return null;
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ';') {
                    return null;
                }
            } else {
                while (i < line.length() && line.charAt(i) != ';') {
                    value.append(line.charAt(i++));
                }
            }
            values.add(value.toString().trim());
            if (i >= line.length()) {
                return values;
            }
            i++; // the ';'
        }
    }

    static Violation checkPe(String line) {
        List<String> v = splitCsv(line);
        if (v == null || v.size() != PE_COLUMNS.size()) {
            return new Violation(RejectReason.PARSE_ERROR, null);
        }
        for (String required : List.of("id_ais", "type_mouvement", "date_mouvement", "identifiant_de",
                "date_naissance", "numero_session", "date_entree", "code_region_formation")) {
            if (pe(v, required).isEmpty()) {
                return new Violation(RejectReason.MISSING_FIELD, required);
            }
        }
        try {
            LocalDateTime.parse(pe(v, "date_mouvement"), FR_DATE_TIME);
        } catch (DateTimeParseException e) {
            return new Violation(RejectReason.BAD_DATE, "date_mouvement");
        }
        LocalDate birth = frDate(pe(v, "date_naissance"));
        if (birth == null) {
            return new Violation(RejectReason.BAD_DATE, "date_naissance");
        }
        LocalDate entry = frDate(pe(v, "date_entree"));
        if (entry == null) {
            return new Violation(RejectReason.BAD_DATE, "date_entree");
        }
        if (!pe(v, "date_fin").isEmpty() && frDate(pe(v, "date_fin")) == null) {
            return new Violation(RejectReason.BAD_DATE, "date_fin");
        }
        if (!birth.isBefore(entry)) {
            return new Violation(RejectReason.BIRTH_NOT_BEFORE_ENTRY, "date_naissance");
        }
        if (!Set.of("CREATION", "MODIFICATION", "ANNULATION").contains(pe(v, "type_mouvement"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "type_mouvement");
        }
        if (!Set.of("", "PE", "ML", "CAP_EMPLOI", "AUTRE").contains(pe(v, "type_prescripteur"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "type_prescripteur");
        }
        if (!Set.of("", "REGION", "POLE_EMPLOI", "ETAT", "OPCO", "AUTRE").contains(pe(v, "financeur"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "financeur");
        }
        if (!DE.matcher(pe(v, "identifiant_de").toUpperCase(Locale.ROOT)).matches()) {
            return new Violation(RejectReason.BAD_IDENTIFIER_FORMAT, "identifiant_de");
        }
        if (!pe(v, "siret_organisme").isEmpty() && !SIRET.matcher(pe(v, "siret_organisme")).matches()) {
            return new Violation(RejectReason.BAD_IDENTIFIER_FORMAT, "siret_organisme");
        }
        for (String region : List.of("code_region_formation", "code_region_prescripteur")) {
            if (!pe(v, region).isEmpty() && !REGIONS.contains(pe(v, region))) {
                return new Violation(RejectReason.BAD_REGION, region);
            }
        }
        return null;
    }

    static String pe(List<String> values, String column) {
        return values.get(PE_COLUMNS.indexOf(column));
    }

    static Violation checkIMilo(String line) {
        JsonNode e = parse(line);
        if (e == null) {
            return new Violation(RejectReason.PARSE_ERROR, null);
        }
        for (String required : List.of("horodatage", "typeEvenement", "prescription.id", "prescription.statut",
                "jeune.idMilo", "jeune.dateNaissance", "structure.codeRegion", "formation.numeroSession",
                "formation.dateDebut")) {
            if (text(e, required) == null) {
                return new Violation(RejectReason.MISSING_FIELD, required);
            }
        }
        try {
            OffsetDateTime.parse(text(e, "horodatage"));
        } catch (DateTimeParseException ex) {
            return new Violation(RejectReason.BAD_DATE, "horodatage");
        }
        for (String date : List.of("jeune.dateNaissance", "formation.dateDebut", "formation.dateFin")) {
            if (text(e, date) != null && isoDate(text(e, date)) == null) {
                return new Violation(RejectReason.BAD_DATE, date);
            }
        }
        if (!isoDate(text(e, "jeune.dateNaissance")).isBefore(isoDate(text(e, "formation.dateDebut")))) {
            return new Violation(RejectReason.BIRTH_NOT_BEFORE_ENTRY, "jeune.dateNaissance");
        }
        if (!Set.of("CREATION", "MODIFICATION", "SUPPRESSION").contains(text(e, "typeEvenement"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "typeEvenement");
        }
        if (!Set.of("PRESCRITE", "ENTREE", "ABANDON", "ANNULEE").contains(text(e, "prescription.statut"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "prescription.statut");
        }
        String de = text(e, "jeune.identifiantPE");
        if (de != null && !DE.matcher(de.trim().toUpperCase(Locale.ROOT)).matches()) {
            return new Violation(RejectReason.BAD_IDENTIFIER_FORMAT, "jeune.identifiantPE");
        }
        String siret = text(e, "formation.siret");
        if (siret != null && !SIRET.matcher(siret).matches()) {
            return new Violation(RejectReason.BAD_IDENTIFIER_FORMAT, "formation.siret");
        }
        for (String region : List.of("structure.codeRegion", "formation.codeRegion")) {
            if (text(e, region) != null && !REGIONS.contains(text(e, region))) {
                return new Violation(RejectReason.BAD_REGION, region);
            }
        }
        return null;
    }

    static Violation checkOuiForm(String line) {
        JsonNode o = parse(line);
        if (o == null) {
            return new Violation(RejectReason.PARSE_ERROR, null);
        }
        for (String required : List.of("id", "updatedAt", "status", "prescriber.type", "beneficiary.birthDate",
                "session.number", "session.startDate")) {
            if (text(o, required) == null) {
                return new Violation(RejectReason.MISSING_FIELD, required);
            }
        }
        if (text(o, "beneficiary.peIdentifier") == null && text(o, "beneficiary.miloId") == null) {
            return new Violation(RejectReason.MISSING_FIELD, "beneficiary.peIdentifier");
        }
        if (text(o, "prescriber.regionCode") == null && text(o, "session.regionCode") == null) {
            return new Violation(RejectReason.MISSING_FIELD, "prescriber.regionCode");
        }
        try {
            Instant.parse(text(o, "updatedAt"));
        } catch (DateTimeParseException ex) {
            return new Violation(RejectReason.BAD_DATE, "updatedAt");
        }
        for (String date : List.of("beneficiary.birthDate", "session.startDate", "session.endDate")) {
            if (text(o, date) != null && isoDate(text(o, date)) == null) {
                return new Violation(RejectReason.BAD_DATE, date);
            }
        }
        if (!isoDate(text(o, "beneficiary.birthDate")).isBefore(isoDate(text(o, "session.startDate")))) {
            return new Violation(RejectReason.BIRTH_NOT_BEFORE_ENTRY, "beneficiary.birthDate");
        }
        if (!Set.of("DRAFT", "SENT", "ACCEPTED", "REFUSED", "ENTERED", "CANCELLED").contains(text(o, "status"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "status");
        }
        if (!Set.of("MISSION_LOCALE", "POLE_EMPLOI", "CAP_EMPLOI", "CONSEIL_REGIONAL", "OTHER")
                .contains(text(o, "prescriber.type"))) {
            return new Violation(RejectReason.VALUE_OUTSIDE_LIST, "prescriber.type");
        }
        String de = text(o, "beneficiary.peIdentifier");
        if (de != null && !DE.matcher(de.trim().toUpperCase(Locale.ROOT)).matches()) {
            return new Violation(RejectReason.BAD_IDENTIFIER_FORMAT, "beneficiary.peIdentifier");
        }
        String siret = text(o, "session.providerSiret");
        if (siret != null && !SIRET.matcher(siret).matches()) {
            return new Violation(RejectReason.BAD_IDENTIFIER_FORMAT, "session.providerSiret");
        }
        for (String region : List.of("prescriber.regionCode", "session.regionCode")) {
            if (text(o, region) != null && !REGIONS.contains(text(o, region))) {
                return new Violation(RejectReason.BAD_REGION, region);
            }
        }
        return null;
    }

    static JsonNode parse(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The trimmed text at a dotted path; null when absent, null or empty (SPEC §3: all three mean "absent"). */
    static String text(JsonNode root, String path) {
        JsonNode node = root.at("/" + path.replace('.', '/'));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    static LocalDate frDate(String text) {
        try {
            return LocalDate.parse(text, FR_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
