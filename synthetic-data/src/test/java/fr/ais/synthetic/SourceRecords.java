package fr.ais.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The good records of a generated data set, read per SPEC §3 with the normalisations the SPEC states. */
final class SourceRecords {

    /**
     * @param ids      typed, normalised person identifiers such as {@code DE:1234567A}, {@code MILO:4410023}
     * @param state    type_mouvement, typeEvenement/statut, or status
     * @param entry    entry date (training start for the JSON sources)
     */
    record Rec(String source, int line, String key, Instant at, String session, String rawSession,
               TreeSet<String> ids, String state, LocalDate birth, LocalDate entry, String peType) {
    }

    private SourceRecords() {
    }

    static String normalisedSession(String raw) {
        return raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    static String id(String type, String raw) {
        return type + ":" + raw.trim().toUpperCase(Locale.ROOT);
    }

    static List<Rec> read(GeneratedDataSet ds, Charset peCharset) throws IOException {
        List<Rec> records = new ArrayList<>();
        List<String> pe = Files.readAllLines(ds.peFile(), peCharset);
        for (int i = 1; i < pe.size(); i++) {
            if (SpecRecordChecker.checkPe(pe.get(i)) != null) {
                continue;
            }
            List<String> v = SpecRecordChecker.splitCsv(pe.get(i));
            TreeSet<String> ids = new TreeSet<>();
            ids.add(id("DE", SpecRecordChecker.pe(v, "identifiant_de")));
            Instant at = LocalDateTime.parse(SpecRecordChecker.pe(v, "date_mouvement"), SpecRecordChecker.FR_DATE_TIME)
                    .atZone(ZoneId.of("Europe/Paris")).toInstant();
            records.add(new Rec("pe", i + 1, SpecRecordChecker.pe(v, "id_ais"), at,
                    normalisedSession(SpecRecordChecker.pe(v, "numero_session")), SpecRecordChecker.pe(v, "numero_session"),
                    ids, SpecRecordChecker.pe(v, "type_mouvement"),
                    SpecRecordChecker.frDate(SpecRecordChecker.pe(v, "date_naissance")),
                    SpecRecordChecker.frDate(SpecRecordChecker.pe(v, "date_entree")),
                    SpecRecordChecker.pe(v, "type_prescripteur")));
        }
        List<String> imilo = Files.readAllLines(ds.imiloFile());
        for (int i = 0; i < imilo.size(); i++) {
            if (SpecRecordChecker.checkIMilo(imilo.get(i)) != null) {
                continue;
            }
            JsonNode e = SpecRecordChecker.parse(imilo.get(i));
            TreeSet<String> ids = new TreeSet<>();
            ids.add(id("MILO", SpecRecordChecker.text(e, "jeune.idMilo")));
            if (SpecRecordChecker.text(e, "jeune.identifiantPE") != null) {
                ids.add(id("DE", SpecRecordChecker.text(e, "jeune.identifiantPE")));
            }
            String raw = e.at("/formation/numeroSession").asText();
            records.add(new Rec("imilo", i + 1, SpecRecordChecker.text(e, "prescription.id"),
                    OffsetDateTime.parse(SpecRecordChecker.text(e, "horodatage")).toInstant(), normalisedSession(raw), raw,
                    ids, SpecRecordChecker.text(e, "typeEvenement") + "/" + SpecRecordChecker.text(e, "prescription.statut"),
                    LocalDate.parse(SpecRecordChecker.text(e, "jeune.dateNaissance")),
                    LocalDate.parse(SpecRecordChecker.text(e, "formation.dateDebut")), null));
        }
        List<String> ouiform = Files.readAllLines(ds.ouiformFile());
        for (int i = 0; i < ouiform.size(); i++) {
            if (SpecRecordChecker.checkOuiForm(ouiform.get(i)) != null) {
                continue;
            }
            JsonNode o = SpecRecordChecker.parse(ouiform.get(i));
            TreeSet<String> ids = new TreeSet<>();
            if (SpecRecordChecker.text(o, "beneficiary.peIdentifier") != null) {
                ids.add(id("DE", SpecRecordChecker.text(o, "beneficiary.peIdentifier")));
            }
            if (SpecRecordChecker.text(o, "beneficiary.miloId") != null) {
                ids.add(id("MILO", SpecRecordChecker.text(o, "beneficiary.miloId")));
            }
            String raw = o.at("/session/number").asText();
            records.add(new Rec("ouiform", i + 1, SpecRecordChecker.text(o, "id"),
                    Instant.parse(SpecRecordChecker.text(o, "updatedAt")), normalisedSession(raw), raw, ids,
                    SpecRecordChecker.text(o, "status"),
                    LocalDate.parse(SpecRecordChecker.text(o, "beneficiary.birthDate")),
                    LocalDate.parse(SpecRecordChecker.text(o, "session.startDate")), null));
        }
        return records;
    }
}
