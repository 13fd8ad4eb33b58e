package fr.ais.ingest.pe;

import static fr.ais.ingest.parsing.FieldRules.birthBeforeEntry;
import static fr.ais.ingest.parsing.FieldRules.date;
import static fr.ais.ingest.parsing.FieldRules.jobSeekerId;
import static fr.ais.ingest.parsing.FieldRules.normaliseKey;
import static fr.ais.ingest.parsing.FieldRules.normaliseSession;
import static fr.ais.ingest.parsing.FieldRules.oneOf;
import static fr.ais.ingest.parsing.FieldRules.region;
import static fr.ais.ingest.parsing.FieldRules.required;
import static fr.ais.ingest.parsing.FieldRules.shown;
import static fr.ais.ingest.parsing.FieldRules.siret;

import fr.ais.ingest.Ages;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.parsing.FieldProblem;
import fr.ais.ingest.parsing.FieldRules;
import fr.ais.ingest.parsing.LineRecordReader;
import fr.ais.ingest.parsing.Rejections;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Checks one PE record and turns it into an event. Fields are checked in the order of the columns
 * (SPEC §3.1), each one fully (presence, then format), then the birth date against the entry date;
 * the first failure is the rejection.
 */
final class PeRecordMapper implements LineRecordReader.LineMapper {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE = FieldRules.FRENCH_DATE;
    private static final DateTimeFormatter DATE_TIME = FieldRules.FRENCH_DATE_TIME;
    private static final Set<String> MOVEMENTS = Set.of("CREATION", "MODIFICATION", "ANNULATION");
    private static final Set<String> PRESCRIBER_TYPES = Set.of("PE", "ML", "CAP_EMPLOI", "AUTRE");
    private static final Set<String> FINANCERS = Set.of("REGION", "POLE_EMPLOI", "ETAT", "OPCO", "AUTRE");
    // columns holding personal data, redacted from excerpts: identifiant_de and date_naissance
    private static final int IDENTIFIER = 3;
    private static final int BIRTH_DATE = 4;

    /** Stateless: one instance reads every file. */
    static final PeRecordMapper MAPPER = new PeRecordMapper();

    private PeRecordMapper() {
    }

    @Override
    public ParsedRecord map(String text, long line, ReadContext context) {
        List<SemicolonLine.Field> fields;
        try {
            fields = SemicolonLine.split(text);
        } catch (SemicolonLine.SyntaxException e) {
            return rejected(line, new FieldProblem(RejectReason.PARSE_ERROR, null, "bad quoting: " + e.getMessage()),
                    null, Rejections.maskUnparsed(text), context);
        }
        // the first field is probably id_ais, but on a malformed line it could be anything: a rejection drops a key
        // that looks like an identifier or a date (Rejections.of)
        String key = keyOf(fields);
        if (fields.size() != PeFormat.COLUMNS.size()) {
            return rejected(line, new FieldProblem(RejectReason.PARSE_ERROR, null,
                    "found " + fields.size() + " fields, expected " + PeFormat.COLUMNS.size()), key, Rejections.maskUnparsed(text),
                    context);
        }
        try {
            return new ParsedRecord.Accepted(line, event(fields, context));
        } catch (FieldProblem problem) {
            return rejected(line, problem, key, redacted(text, fields), context);
        }
    }

    private static PrescriptionEvent event(List<SemicolonLine.Field> fields, ReadContext context) throws FieldProblem {
        Values v = new Values(fields);
        String sourceKey = normaliseKey(required("id_ais", v.get(0)));
        String movement = oneOf("type_mouvement", required("type_mouvement", v.get(1)), MOVEMENTS);
        Instant movedAt = parisInstant(required("date_mouvement", v.get(2)));
        String jobSeeker = jobSeekerId("identifiant_de", required("identifiant_de", v.get(3)));
        LocalDate birth = date("date_naissance", required("date_naissance", v.get(4)), DATE, "dd/MM/yyyy", true);
        String session = normaliseSession(required("numero_session", v.get(5)));
        String siretValue = v.get(6);
        String providerSiret = siretValue == null ? null : siret("siret_organisme", siretValue);
        LocalDate entry = date("date_entree", required("date_entree", v.get(7)), DATE, "dd/MM/yyyy", false);
        String endValue = v.get(8);
        LocalDate end = endValue == null ? null : date("date_fin", endValue, DATE, "dd/MM/yyyy", false);
        String trainingRegion = region("code_region_formation", required("code_region_formation", v.get(9)));
        String structure = v.get(10);
        String typeValue = v.get(11);
        String prescriberType = typeValue == null ? null : oneOf("type_prescripteur", typeValue, PRESCRIBER_TYPES);
        String regionValue = v.get(12);
        String prescriberRegion = regionValue == null ? null : region("code_region_prescripteur", regionValue);
        String financerValue = v.get(13);
        String financer = financerValue == null ? null : oneOf("financeur", financerValue, FINANCERS);
        birthBeforeEntry("date_naissance", birth, "date_entree", entry);

        return PrescriptionEvent.newBuilder()
                .setSource(Source.PE)
                .setSourceKey(sourceKey)
                .setVersionTimestamp(movedAt)
                .setSourcePosition(0L)
                .setLive(!"ANNULATION".equals(movement))
                .setMovementType(movement)
                .setStatus(null)
                .setSessionNumber(session)
                .setPersonIds(List.of(context.pseudonymizer().pseudonymise(IdentifierType.DE, jobSeeker)))
                .setEntryDate(entry)
                .setEndDate(end)
                .setAgeAtEntry(Ages.fullYears(birth, entry))
                .setDeclaredNetwork(declaredNetwork(prescriberType))
                .setPePrescriberNotFilled(prescriberType == null)
                .setPrescriberType(prescriberType)
                .setPrescriberRegion(prescriberRegion)
                .setTrainingRegion(trainingRegion)
                .setStructureCode(structure)
                .setProviderSiret(providerSiret)
                .setFinancer(financer)
                .setSourceEventId(null)
                .setOrigin(context.origin())
                .build();
    }

    @Override
    public String excerpt(String text) {
        try {
            List<SemicolonLine.Field> fields = SemicolonLine.split(text);
            if (fields.size() == PeFormat.COLUMNS.size()) {
                return redacted(text, fields);
            }
        } catch (SemicolonLine.SyntaxException e) {
            // masked by shape below
        }
        return Rejections.maskUnparsed(text);
    }

    @Override
    public String keyOf(String text) {
        try {
            return keyOf(SemicolonLine.split(text));
        } catch (SemicolonLine.SyntaxException e) {
            return null;
        }
    }

    private static String keyOf(List<SemicolonLine.Field> fields) {
        String first = fields.get(0).value();
        return first.isEmpty() || !FieldRules.isPlain(first) ? null : normaliseKey(first);
    }

    @Override
    public String fieldAt(String text, int at) {
        try {
            List<SemicolonLine.Field> fields = SemicolonLine.split(text);
            if (fields.size() != PeFormat.COLUMNS.size()) {
                return null;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (at >= fields.get(i).start() && at < fields.get(i).end()) {
                    return PeFormat.COLUMNS.get(i);
                }
            }
        } catch (SemicolonLine.SyntaxException e) {
            // the line cannot be split: no field
        }
        return null;
    }

    /**
     * The values of a line, each checked for control characters when it is read, so that the first failure in column
     * order is the one reported; an empty value is absent.
     */
    private record Values(List<SemicolonLine.Field> fields) {

        String get(int column) throws FieldProblem {
            String value = FieldRules.plainText(PeFormat.COLUMNS.get(column), fields.get(column).value());
            return value.isEmpty() ? null : value;
        }
    }

    /** Rule 6 for PE: ML → ML, PE → PE, CAP_EMPLOI and AUTRE → OTHER, empty → no declaration. */
    static Network declaredNetwork(String prescriberType) {
        if (prescriberType == null) {
            return null;
        }
        return switch (prescriberType) {
            case "ML" -> Network.ML;
            case "PE" -> Network.PE;
            default -> Network.OTHER;
        };
    }

    /**
     * {@code date_mouvement} is Europe/Paris local time. In the autumn overlap (one hour happens twice) the
     * earlier offset is taken, i.e. summer time; in the spring gap (an hour that does not exist) the time is
     * shifted forward by the length of the gap: 02:30 becomes 03:30 CEST. This is {@link ZonedDateTime#of}.
     */
    static Instant parisInstant(String value) throws FieldProblem {
        try {
            return ZonedDateTime.of(LocalDateTime.parse(value, DATE_TIME), PARIS).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldProblem(RejectReason.BAD_DATE, "date_mouvement",
                    "date_mouvement " + shown(value) + " is not a date and time dd/MM/yyyy HH:mm:ss");
        }
    }

    /**
     * The raw line with the identifier and birth date fields (quotes included) replaced by {@code ***}, and any
     * other occurrence of their values too (a birth date equal to the entry date).
     */
    private static String redacted(String raw, List<SemicolonLine.Field> fields) {
        SemicolonLine.Field identifier = fields.get(IDENTIFIER);
        SemicolonLine.Field birth = fields.get(BIRTH_DATE);
        String redacted = raw.substring(0, identifier.start()) + Rejections.REDACTED
                + raw.substring(identifier.end(), birth.start()) + Rejections.REDACTED
                + raw.substring(birth.end());
        return Rejections.maskValues(redacted, List.of(identifier.value(), birth.value()));
    }

    private static ParsedRecord rejected(long line, FieldProblem problem, String sourceKey, String excerpt,
            ReadContext context) {
        return new ParsedRecord.Rejected(line, Rejections.of(problem, context.origin(), line, sourceKey, excerpt));
    }
}
