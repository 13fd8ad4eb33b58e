package fr.ais.ingest.ouiform;

import static fr.ais.ingest.parsing.FieldRules.birthBeforeEntry;
import static fr.ais.ingest.parsing.FieldRules.date;
import static fr.ais.ingest.parsing.FieldRules.jobSeekerId;
import static fr.ais.ingest.parsing.FieldRules.normaliseKey;
import static fr.ais.ingest.parsing.FieldRules.normaliseSession;
import static fr.ais.ingest.parsing.FieldRules.oneOf;
import static fr.ais.ingest.parsing.FieldRules.region;
import static fr.ais.ingest.parsing.FieldRules.required;
import static fr.ais.ingest.parsing.FieldRules.siret;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ais.ingest.Ages;
import fr.ais.ingest.ParsedRecord;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.parsing.FieldProblem;
import fr.ais.ingest.parsing.FieldRules;
import fr.ais.ingest.parsing.JsonRecord;
import fr.ais.ingest.parsing.JsonRecordMapping;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.RejectReason;
import fr.ais.schemas.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one OuiForm prescription object, from the JSON Lines export or an API page, and turns it into an
 * event (SPEC §3.3).
 *
 * <p>Fields are checked in this order, each fully (presence, type, then format), the first failure being
 * the rejection: {@code id}, {@code updatedAt}, {@code status}, {@code prescriber.type},
 * {@code prescriber.structureCode}, {@code prescriber.regionCode}, {@code beneficiary.peIdentifier},
 * {@code beneficiary.miloId}, at least one of these two (else MISSING_FIELD on
 * {@code beneficiary.peIdentifier}), {@code beneficiary.birthDate}, {@code session.number},
 * {@code session.providerSiret}, {@code session.startDate}, {@code session.endDate},
 * {@code session.regionCode}, at least one region code (else MISSING_FIELD on {@code prescriber.regionCode}),
 * then the birth date against the entry date (reported on {@code beneficiary.birthDate}).
 *
 * <p>Thread-safe and stateless: one instance can serve every API page.
 */
public final class OuiFormRecordMapper {

    /** Paths holding personal data: redacted from excerpts. */
    static final List<String> PERSONAL = List.of("beneficiary.peIdentifier", "beneficiary.miloId", "beneficiary.birthDate");
    private static final Set<String> STATUSES = Set.of("DRAFT", "SENT", "ACCEPTED", "REFUSED", "ENTERED", "CANCELLED");
    private static final Set<String> NOT_LIVE = Set.of("DRAFT", "REFUSED", "CANCELLED");
    private static final Set<String> PRESCRIBER_TYPES = Set.of("MISSION_LOCALE", "POLE_EMPLOI", "CAP_EMPLOI", "CONSEIL_REGIONAL", "OTHER");
    private static final String ISO_DATE = "yyyy-MM-dd";

    /** The accept-or-reject wrapper every JSON source shares, around this source's checks. */
    static final JsonRecordMapping MAPPING = new JsonRecordMapping("id", PERSONAL, OuiFormRecordMapper::event);

    /**
     * Maps one prescription given as the text of a JSON object.
     *
     * @param line the line in the export file, or the item's index in its API page
     */
    public ParsedRecord map(String jsonObject, long line, ReadContext context) {
        return MAPPING.map(jsonObject, line, context);
    }

    /** Maps one prescription already parsed, e.g. an item of an API page. */
    public ParsedRecord map(JsonNode item, long line, ReadContext context) {
        return MAPPING.map(item, line, context);
    }

    private static PrescriptionEvent event(JsonRecord r, ReadContext context) throws FieldProblem {
        String sourceKey = normaliseKey(required("id", r.text("id")));
        Instant updatedAt = FieldRules.offsetInstant("updatedAt", required("updatedAt", r.text("updatedAt")),
                "an ISO-8601 instant");
        String status = oneOf("status", required("status", r.text("status")), STATUSES);
        String prescriberType = oneOf("prescriber.type", required("prescriber.type", r.text("prescriber.type")), PRESCRIBER_TYPES);
        String structure = r.text("prescriber.structureCode");
        String prescriberRegionValue = r.text("prescriber.regionCode");
        String prescriberRegion = prescriberRegionValue == null ? null : region("prescriber.regionCode", prescriberRegionValue);
        String peValue = r.text("beneficiary.peIdentifier");
        String jobSeeker = peValue == null ? null : jobSeekerId("beneficiary.peIdentifier", peValue);
        String miloValue = r.text("beneficiary.miloId");
        String miloId = miloValue == null ? null : normaliseKey(miloValue);
        if (jobSeeker == null && miloId == null) {
            throw new FieldProblem(RejectReason.MISSING_FIELD, "beneficiary.peIdentifier",
                    "beneficiary.peIdentifier and beneficiary.miloId are both missing or empty: at least one is required");
        }
        LocalDate birth = date("beneficiary.birthDate", required("beneficiary.birthDate", r.text("beneficiary.birthDate")),
                FieldRules.ISO_DATE, ISO_DATE, true);
        String session = normaliseSession(required("session.number", r.text("session.number")));
        String siretValue = r.text("session.providerSiret");
        String providerSiret = siretValue == null ? null : siret("session.providerSiret", siretValue);
        LocalDate entry = date("session.startDate", required("session.startDate", r.text("session.startDate")),
                FieldRules.ISO_DATE, ISO_DATE, false);
        String endValue = r.text("session.endDate");
        LocalDate end = endValue == null ? null : date("session.endDate", endValue, FieldRules.ISO_DATE, ISO_DATE, false);
        String trainingRegionValue = r.text("session.regionCode");
        String trainingRegion = trainingRegionValue == null ? null : region("session.regionCode", trainingRegionValue);
        if (prescriberRegion == null && trainingRegion == null) {
            throw new FieldProblem(RejectReason.MISSING_FIELD, "prescriber.regionCode",
                    "prescriber.regionCode and session.regionCode are both missing or empty: at least one is required");
        }
        birthBeforeEntry("beneficiary.birthDate", birth, "session.startDate", entry);

        List<PersonId> personIds = new ArrayList<>(2);
        if (jobSeeker != null) {
            personIds.add(context.pseudonymizer().pseudonymise(IdentifierType.DE, jobSeeker));
        }
        if (miloId != null) {
            personIds.add(context.pseudonymizer().pseudonymise(IdentifierType.MILO, miloId));
        }
        return PrescriptionEvent.newBuilder()
                .setSource(Source.OUIFORM)
                .setSourceKey(sourceKey)
                .setVersionTimestamp(updatedAt)
                .setSourcePosition(0L)
                .setLive(!NOT_LIVE.contains(status))
                .setMovementType(null)
                .setStatus(status)
                .setSessionNumber(session)
                .setPersonIds(personIds)
                .setEntryDate(entry)
                .setEndDate(end)
                .setAgeAtEntry(Ages.fullYears(birth, entry))
                .setDeclaredNetwork(declaredNetwork(prescriberType))
                .setPePrescriberNotFilled(false)
                .setPrescriberType(prescriberType)
                .setPrescriberRegion(prescriberRegion)
                .setTrainingRegion(trainingRegion)
                .setStructureCode(structure)
                .setProviderSiret(providerSiret)
                .setFinancer(null)
                .setSourceEventId(null)
                .setOrigin(context.origin())
                .build();
    }

    /** Rule 6 for OuiForm: MISSION_LOCALE → ML, POLE_EMPLOI → PE, any other prescriber → OTHER. */
    static Network declaredNetwork(String prescriberType) {
        return switch (prescriberType) {
            case "MISSION_LOCALE" -> Network.ML;
            case "POLE_EMPLOI" -> Network.PE;
            default -> Network.OTHER;
        };
    }
}
