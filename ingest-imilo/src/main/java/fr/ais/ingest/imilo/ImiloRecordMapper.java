package fr.ais.ingest.imilo;

import static fr.ais.ingest.parsing.FieldRules.birthBeforeEntry;
import static fr.ais.ingest.parsing.FieldRules.date;
import static fr.ais.ingest.parsing.FieldRules.jobSeekerId;
import static fr.ais.ingest.parsing.FieldRules.normaliseKey;
import static fr.ais.ingest.parsing.FieldRules.normaliseSession;
import static fr.ais.ingest.parsing.FieldRules.oneOf;
import static fr.ais.ingest.parsing.FieldRules.region;
import static fr.ais.ingest.parsing.FieldRules.required;
import static fr.ais.ingest.parsing.FieldRules.siret;

import fr.ais.ingest.Ages;
import fr.ais.ingest.ReadContext;
import fr.ais.ingest.parsing.FieldProblem;
import fr.ais.ingest.parsing.FieldRules;
import fr.ais.ingest.parsing.JsonRecord;
import fr.ais.ingest.parsing.JsonRecordMapping;
import fr.ais.schemas.IdentifierType;
import fr.ais.schemas.Network;
import fr.ais.schemas.PersonId;
import fr.ais.schemas.PrescriptionEvent;
import fr.ais.schemas.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one I-Milo event and turns it into an event (SPEC §3.2). Fields are checked in this order, each
 * fully (presence, type, then format), the first failure being the rejection: {@code prescription.id},
 * {@code idEvenement}, {@code horodatage}, {@code typeEvenement}, {@code prescription.statut},
 * {@code jeune.idMilo}, {@code jeune.identifiantPE}, {@code jeune.dateNaissance}, {@code structure.code},
 * {@code structure.codeRegion}, {@code formation.numeroSession}, {@code formation.siret},
 * {@code formation.dateDebut}, {@code formation.dateFin}, {@code formation.codeRegion}, then the birth date
 * against the entry date (reported on {@code jeune.dateNaissance}).
 */
final class ImiloRecordMapper {

    /** Paths holding personal data: redacted from excerpts. */
    static final List<String> PERSONAL = List.of("jeune.idMilo", "jeune.identifiantPE", "jeune.dateNaissance");
    private static final Set<String> EVENT_TYPES = Set.of("CREATION", "MODIFICATION", "SUPPRESSION");
    private static final Set<String> STATUSES = Set.of("PRESCRITE", "ENTREE", "ABANDON", "ANNULEE");
    private static final String ISO_DATE = "yyyy-MM-dd";

    /** The accept-or-reject wrapper every JSON source shares, around this source's checks. */
    static final JsonRecordMapping MAPPING = new JsonRecordMapping("prescription.id", PERSONAL, ImiloRecordMapper::event);

    private ImiloRecordMapper() {
    }

    private static PrescriptionEvent event(JsonRecord r, ReadContext context) throws FieldProblem {
        String sourceKey = normaliseKey(required("prescription.id", r.text("prescription.id")));
        String eventId = r.text("idEvenement");
        Instant timestamp = FieldRules.offsetInstant("horodatage", required("horodatage", r.text("horodatage")),
                "an ISO-8601 date and time with offset");
        String eventType = oneOf("typeEvenement", required("typeEvenement", r.text("typeEvenement")), EVENT_TYPES);
        String status = oneOf("prescription.statut", required("prescription.statut", r.text("prescription.statut")), STATUSES);
        String miloId = normaliseKey(required("jeune.idMilo", r.text("jeune.idMilo")));
        String peId = r.text("jeune.identifiantPE");
        String jobSeeker = peId == null ? null : jobSeekerId("jeune.identifiantPE", peId);
        LocalDate birth = date("jeune.dateNaissance", required("jeune.dateNaissance", r.text("jeune.dateNaissance")),
                FieldRules.ISO_DATE, ISO_DATE, true);
        String structure = r.text("structure.code");
        String prescriberRegion = region("structure.codeRegion", required("structure.codeRegion", r.text("structure.codeRegion")));
        String session = normaliseSession(required("formation.numeroSession", r.text("formation.numeroSession")));
        String siretValue = r.text("formation.siret");
        String providerSiret = siretValue == null ? null : siret("formation.siret", siretValue);
        LocalDate entry = date("formation.dateDebut", required("formation.dateDebut", r.text("formation.dateDebut")),
                FieldRules.ISO_DATE, ISO_DATE, false);
        String endValue = r.text("formation.dateFin");
        LocalDate end = endValue == null ? null : date("formation.dateFin", endValue, FieldRules.ISO_DATE, ISO_DATE, false);
        String trainingRegionValue = r.text("formation.codeRegion");
        String trainingRegion = trainingRegionValue == null ? null : region("formation.codeRegion", trainingRegionValue);
        birthBeforeEntry("jeune.dateNaissance", birth, "formation.dateDebut", entry);

        List<PersonId> personIds = new ArrayList<>(2);
        personIds.add(context.pseudonymizer().pseudonymise(IdentifierType.MILO, miloId));
        if (jobSeeker != null) {
            personIds.add(context.pseudonymizer().pseudonymise(IdentifierType.DE, jobSeeker));
        }
        return PrescriptionEvent.newBuilder()
                .setSource(Source.IMILO)
                .setSourceKey(sourceKey)
                .setVersionTimestamp(timestamp)
                .setSourcePosition(0L)
                // rule 2: a deleted event or a cancelled prescription is not live
                .setLive(!"SUPPRESSION".equals(eventType) && !"ANNULEE".equals(status))
                .setMovementType(eventType)
                .setStatus(status)
                .setSessionNumber(session)
                .setPersonIds(personIds)
                .setEntryDate(entry)
                .setEndDate(end)
                .setAgeAtEntry(Ages.fullYears(birth, entry))
                .setDeclaredNetwork(Network.ML)
                .setPePrescriberNotFilled(false)
                .setPrescriberType(null)
                .setPrescriberRegion(prescriberRegion)
                .setTrainingRegion(trainingRegion)
                .setStructureCode(structure)
                .setProviderSiret(providerSiret)
                .setFinancer(null)
                .setSourceEventId(eventId)
                .setOrigin(context.origin())
                .build();
    }
}
