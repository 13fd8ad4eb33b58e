package fr.ais.synthetic.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.world.Outcome;
import fr.ais.synthetic.world.Prescription;
import fr.ais.synthetic.world.Session;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The I-Milo export (SPEC §3.2): one event per line, ML prescriptions only, often entered late (rétro-saisie). */
final class IMiloExport extends SourceExport {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(Clock.PARIS);

    private final ObjectMapper mapper;
    private final int year;
    private final List<ObjectNode> templates = new ArrayList<>();
    private int nextPrescription = 1;
    private int nextEvent = 1;

    IMiloExport(SplittableRandom random, ObjectMapper mapper, int year) {
        super(random);
        this.mapper = mapper;
        this.year = year;
    }

    @Override
    protected String header() {
        return null;
    }

    private String nextKey() {
        return String.format("IM-%d-%06d", year, nextPrescription++);
    }

    void add(Prescription p) {
        String key = nextKey();
        boolean withDe = p.person().de() != null && random.nextDouble() < 0.6;
        String de = withDe ? Spelling.identifierCase(p.person().de(), 0.15, random) : null;
        String structure = random.nextDouble() < 0.85 ? p.structureCode() : null;
        LocalDate entry = p.finalSession().startDate();

        Instant at;
        if (p.outcome().isEntry() && random.nextDouble() < 0.25) {
            // rétro-saisie: first keyed in after the entry, up to two months late
            long window = entry.plusMonths(2).toEpochDay() - entry.toEpochDay() - 1;
            at = Clock.officeHours(entry.plusDays(1 + random.nextLong(window)), random);
            emit(p, key, "CREATION", "ENTREE", at, p.finalSession(), de, structure);
        } else {
            at = Clock.officeHours(p.session().startDate().minusDays(5 + random.nextInt(36)), random);
            emit(p, key, "CREATION", "PRESCRITE", at, p.session(), de, structure);
            if (p.movedTo() != null) {
                at = Clock.daysAfter(at, 1, 10, random);
                emit(p, key, "MODIFICATION", "PRESCRITE", at, p.movedTo(), de, structure);
            }
            if (p.outcome().isEntry() && random.nextDouble() < 0.8) {
                Instant entered = Clock.officeHours(entry.plusDays(random.nextInt(21)), random);
                at = entered.isAfter(at) ? entered : Clock.daysAfter(at, 1, 3, random);
                emit(p, key, "MODIFICATION", "ENTREE", at, p.finalSession(), de, structure);
            }
        }
        if (p.outcome() == Outcome.ABANDONED) {
            at = Clock.daysAfter(at, 15, 90, random);
            emit(p, key, "MODIFICATION", "ABANDON", at, p.finalSession(), de, structure);
        } else if (p.outcome() == Outcome.CANCELLED) {
            at = random.nextDouble() < 0.05 ? at : Clock.daysAfter(at, 1, 20, random);
            if (random.nextBoolean()) {
                emit(p, key, "MODIFICATION", "ANNULEE", at, p.finalSession(), de, structure);
            } else {
                emit(p, key, "SUPPRESSION", "PRESCRITE", at, p.finalSession(), de, structure);
            }
        }
        if (random.nextDouble() < 0.01) {
            // keyed in twice by two counsellors; the second copy is often deleted later
            String copy = nextKey();
            Instant copyAt = Clock.daysAfter(at, 1, 5, random);
            emit(p, copy, "CREATION", "PRESCRITE", copyAt, p.finalSession(), de, structure);
            if (random.nextBoolean()) {
                emit(p, copy, "SUPPRESSION", "PRESCRITE", Clock.daysAfter(copyAt, 1, 10, random),
                        p.finalSession(), de, structure);
            }
        }
    }

    private void emit(Prescription p, String key, String type, String status, Instant at, Session session,
                      String de, String structure) {
        ObjectNode event = mapper.createObjectNode();
        JsonFields.putOptional(event, "idEvenement",
                random.nextDouble() < 0.9 ? String.format("E-%07d", nextEvent++) : null, random);
        event.put("horodatage", TIMESTAMP.format(at));
        event.put("typeEvenement", type);
        ObjectNode prescription = event.putObject("prescription");
        prescription.put("id", key);
        prescription.put("statut", status);
        ObjectNode young = event.putObject("jeune");
        young.put("idMilo", p.person().milo());
        JsonFields.putOptional(young, "identifiantPE", de, random);
        young.put("dateNaissance", p.person().birthDate().toString());
        ObjectNode structureNode = event.putObject("structure");
        JsonFields.putOptional(structureNode, "code", structure, random);
        structureNode.put("codeRegion", p.prescriberRegion());
        ObjectNode training = event.putObject("formation");
        training.put("numeroSession", Spelling.session(session.number(), 0.3, random));
        JsonFields.putOptional(training, "siret", random.nextDouble() < 0.85 ? session.siret() : null, random);
        training.put("dateDebut", session.startDate().toString());
        JsonFields.putOptional(training, "dateFin",
                random.nextDouble() < 0.7 ? session.endDate().toString() : null, random);
        JsonFields.putOptional(training, "codeRegion",
                random.nextDouble() < 0.8 ? session.region().code() : null, random);
        if (!"SUPPRESSION".equals(type)) {
            templates.add(event);
        }
        addGood(at, json(event));
    }

    private String json(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Line bad(RejectReason reason, int variant) {
        ObjectNode e = templates.isEmpty() ? fallbackTemplate() : templates.get(random.nextInt(templates.size())).deepCopy();
        JsonFields.set(e, "prescription.id", nextKey());
        if (e.hasNonNull("idEvenement") && !e.get("idEvenement").asText().isEmpty()) {
            e.put("idEvenement", String.format("E-%07d", nextEvent++));
        }
        LocalDate start = LocalDate.parse(JsonFields.get(e, "formation.dateDebut"));
        String field;
        switch (reason) {
            case PARSE_ERROR -> {
                String text = json(e);
                // a line cut short in the middle of the object
                return badLine(text.substring(0, text.length() / 2 + random.nextInt(text.length() / 3)), reason, null);
            }
            case MISSING_FIELD -> {
                String[] required = {"jeune.dateNaissance", "formation.numeroSession", "jeune.idMilo",
                    "formation.dateDebut", "prescription.statut", "horodatage"};
                field = required[variant % required.length];
                JsonFields.drop(e, field, variant);
            }
            case BAD_DATE -> {
                switch (variant % 3) {
                    case 0 -> {
                        field = "formation.dateDebut";
                        JsonFields.set(e, field, String.format("%02d/%02d/%d",
                                start.getDayOfMonth(), start.getMonthValue(), start.getYear()));
                    }
                    case 1 -> {
                        field = "horodatage";
                        e.put(field, JsonFields.get(e, field).substring(0, 19).replace('T', ' '));
                    }
                    default -> {
                        field = "jeune.dateNaissance";
                        JsonFields.set(e, field, JsonFields.get(e, field).substring(0, 5) + "13-01");
                    }
                }
            }
            case BIRTH_NOT_BEFORE_ENTRY -> {
                field = "jeune.dateNaissance";
                JsonFields.set(e, field, start.plusDays(variant % 2 == 0 ? 0 : 1 + random.nextInt(400)).toString());
            }
            case VALUE_OUTSIDE_LIST -> {
                if (variant % 2 == 0) {
                    field = "typeEvenement";
                    e.put(field, "ANNULATION");
                } else {
                    field = "prescription.statut";
                    JsonFields.set(e, field, "VALIDEE");
                }
            }
            case BAD_IDENTIFIER_FORMAT -> {
                if (variant % 2 == 0) {
                    field = "jeune.identifiantPE";
                    JsonFields.set(e, field, String.format("%05d%c%c", random.nextInt(100_000),
                            (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26))));
                } else {
                    field = "formation.siret";
                    JsonFields.set(e, field, String.format("%010d", random.nextLong(10_000_000_000L)));
                }
            }
            case BAD_REGION -> {
                if (variant % 2 == 0) {
                    field = "structure.codeRegion";
                    JsonFields.set(e, field, "99");
                } else {
                    field = "formation.codeRegion";
                    JsonFields.set(e, field, "20");
                }
            }
            default -> throw new IllegalStateException("unknown reason " + reason);
        }
        return badLine(json(e), reason, field);
    }

    private ObjectNode fallbackTemplate() {
        ObjectNode e = mapper.createObjectNode();
        LocalDate start = LocalDate.of(year, 3, 15);
        e.put("horodatage", TIMESTAMP.format(Clock.officeHours(start, random)));
        e.put("typeEvenement", "CREATION");
        e.putObject("prescription").put("statut", "PRESCRITE");
        ObjectNode young = e.putObject("jeune");
        young.put("idMilo", "4410023");
        young.put("dateNaissance", start.minusYears(19).toString());
        e.putObject("structure").put("codeRegion", "52");
        ObjectNode training = e.putObject("formation");
        training.put("numeroSession", String.format("SE-%d-000001", year));
        training.put("dateDebut", start.toString());
        return e;
    }
}
