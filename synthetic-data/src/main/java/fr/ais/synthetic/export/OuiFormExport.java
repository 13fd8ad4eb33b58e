package fr.ais.synthetic.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.world.Network;
import fr.ais.synthetic.world.Outcome;
import fr.ais.synthetic.world.Prescription;
import fr.ais.synthetic.world.Session;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The OuiForm JSON Lines export (SPEC §3.3): one line per saved state of a prescription object, as its change
 * feed would give them; the fake API serves the same lines.
 */
final class OuiFormExport extends SourceExport {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final int year;
    private final List<ObjectNode> templates = new ArrayList<>();

    OuiFormExport(SplittableRandom random, ObjectMapper mapper, int year) {
        super(random);
        this.mapper = mapper;
        this.year = year;
    }

    @Override
    protected String header() {
        return null;
    }

    private String newId() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Which identifiers OuiForm holds: both, or only one of them (rule 3's gaps). */
    private record Beneficiary(String de, String milo) {
    }

    void add(Prescription p) {
        String id = newId();
        String de = p.person().de();
        String milo = p.person().milo();
        if (de != null && milo != null) {
            double x = random.nextDouble();
            if (x >= 0.5 && x < 0.75) {
                milo = null;
            } else if (x >= 0.75) {
                de = null;
            }
        }
        Beneficiary who = new Beneficiary(de == null ? null : Spelling.identifierCase(de, 0.15, random), milo);
        String type = prescriberType(p.network());
        String prescriberRegion = random.nextDouble() < 0.85 ? p.prescriberRegion() : null;
        String structure = random.nextDouble() < 0.8 ? p.structureCode() : null;
        Session first = p.session();
        LocalDate start = first.startDate();

        Instant at = Clock.officeHours(start.minusDays(30 + random.nextInt(31)), random);
        if (random.nextDouble() < 0.3) {
            emit(p, id, "DRAFT", at, first, who, type, prescriberRegion, structure);
        }
        at = Clock.daysAfter(at, 1, 20, random);
        emit(p, id, "SENT", at, first, who, type, prescriberRegion, structure);
        Session current = first;
        if (p.movedTo() != null) {
            current = p.movedTo();
            at = Clock.daysAfter(at, 1, 10, random);
            emit(p, id, "SENT", at, current, who, type, prescriberRegion, structure);
        }
        switch (p.outcome()) {
            case ENTERED, ABANDONED, PENDING -> {
                if (random.nextDouble() < 0.6 || p.outcome() == Outcome.PENDING) {
                    at = random.nextDouble() < 0.05 ? at : Clock.daysAfter(at, 1, 10, random);
                    emit(p, id, "ACCEPTED", at, current, who, type, prescriberRegion, structure);
                }
                if (p.outcome() != Outcome.PENDING && random.nextDouble() < 0.9) {
                    Instant entered = Clock.officeHours(p.entryDate().plusDays(random.nextInt(6)), random);
                    at = entered.isAfter(at) ? entered : Clock.daysAfter(at, 1, 3, random);
                    emit(p, id, "ENTERED", at, current, who, type, prescriberRegion, structure);
                }
            }
            case CANCELLED -> emit(p, id, random.nextBoolean() ? "CANCELLED" : "REFUSED",
                    Clock.daysAfter(at, 1, 15, random), current, who, type, prescriberRegion, structure);
            default -> throw new IllegalStateException("unknown outcome " + p.outcome());
        }
    }

    /** A draft never sent, for the same young person: not live, it only carries identity links (rule 2). */
    void addAbandonedDraft(Prescription p, Session session) {
        Beneficiary who = new Beneficiary(p.person().de(), p.person().de() == null ? p.person().milo() : null);
        Instant at = Clock.officeHours(session.startDate().minusDays(10 + random.nextInt(50)), random);
        emit(p, newId(), "DRAFT", at, session, who, prescriberType(p.network()), p.prescriberRegion(), null);
    }

    private String prescriberType(Network network) {
        return switch (network) {
            // a few are recorded under the other network: attribution conflicts
            case ML -> random.nextDouble() < 0.02 ? "POLE_EMPLOI" : "MISSION_LOCALE";
            case PE -> random.nextDouble() < 0.02 ? "MISSION_LOCALE" : "POLE_EMPLOI";
            case CAP_EMPLOI -> "CAP_EMPLOI";
            case CONSEIL_REGIONAL -> "CONSEIL_REGIONAL";
            case OTHER -> "OTHER";
        };
    }

    private void emit(Prescription p, String id, String status, Instant at, Session session, Beneficiary who,
                      String type, String prescriberRegion, String structure) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", id);
        o.put("updatedAt", INSTANT.format(at));
        o.put("status", status);
        ObjectNode prescriber = o.putObject("prescriber");
        prescriber.put("type", type);
        JsonFields.putOptional(prescriber, "structureCode", structure, random);
        JsonFields.putOptional(prescriber, "regionCode", prescriberRegion, random);
        ObjectNode beneficiary = o.putObject("beneficiary");
        JsonFields.putOptional(beneficiary, "peIdentifier", who.de(), random);
        JsonFields.putOptional(beneficiary, "miloId", who.milo(), random);
        beneficiary.put("birthDate", p.person().birthDate().toString());
        ObjectNode s = o.putObject("session");
        s.put("number", Spelling.session(session.number(), 0.3, random));
        JsonFields.putOptional(s, "providerSiret", random.nextDouble() < 0.8 ? session.siret() : null, random);
        s.put("startDate", session.startDate().toString());
        JsonFields.putOptional(s, "endDate", random.nextDouble() < 0.7 ? session.endDate().toString() : null, random);
        // at least one of the two region codes is required
        JsonFields.putOptional(s, "regionCode",
                prescriberRegion == null || random.nextDouble() < 0.8 ? session.region().code() : null, random);
        if (!"DRAFT".equals(status) && !"CANCELLED".equals(status) && !"REFUSED".equals(status)) {
            templates.add(o);
        }
        addGood(at, json(o));
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
        ObjectNode o = templates.isEmpty() ? fallbackTemplate() : templates.get(random.nextInt(templates.size())).deepCopy();
        o.put("id", newId());
        LocalDate start = LocalDate.parse(JsonFields.get(o, "session.startDate"));
        String field;
        switch (reason) {
            case PARSE_ERROR -> {
                String text = json(o);
                return badLine(text.substring(0, text.length() / 2 + random.nextInt(text.length() / 3)), reason, null);
            }
            case MISSING_FIELD -> {
                String[] required = {"session.number", "beneficiary.birthDate", "status", "session.startDate",
                    "prescriber.type"};
                field = required[variant % required.length];
                JsonFields.drop(o, field, variant);
            }
            case BAD_DATE -> {
                if (variant % 2 == 0) {
                    field = "session.startDate";
                    JsonFields.set(o, field, String.format("%02d/%02d/%d",
                            start.getDayOfMonth(), start.getMonthValue(), start.getYear()));
                } else {
                    field = "beneficiary.birthDate";
                    JsonFields.set(o, field, JsonFields.get(o, field).replace('-', '/'));
                }
            }
            case BIRTH_NOT_BEFORE_ENTRY -> {
                field = "beneficiary.birthDate";
                JsonFields.set(o, field, start.plusDays(variant % 2 == 0 ? 0 : 1 + random.nextInt(400)).toString());
            }
            case VALUE_OUTSIDE_LIST -> {
                if (variant % 2 == 0) {
                    field = "status";
                    o.put(field, "PENDING");
                } else {
                    field = "prescriber.type";
                    JsonFields.set(o, field, "PE");
                }
            }
            case BAD_IDENTIFIER_FORMAT -> {
                if (variant % 2 == 0) {
                    field = "beneficiary.peIdentifier";
                    JsonFields.set(o, field, String.format("%c%07d", (char) ('A' + random.nextInt(26)),
                            random.nextInt(10_000_000)));
                } else {
                    field = "session.providerSiret";
                    JsonFields.set(o, field, String.format("%012dX", random.nextLong(1_000_000_000_000L)));
                }
            }
            case BAD_REGION -> {
                if (variant % 2 == 0) {
                    field = "prescriber.regionCode";
                    JsonFields.set(o, field, "99");
                } else {
                    field = "session.regionCode";
                    JsonFields.set(o, field, "00");
                }
            }
            default -> throw new IllegalStateException("unknown reason " + reason);
        }
        return badLine(json(o), reason, field);
    }

    private ObjectNode fallbackTemplate() {
        ObjectNode o = mapper.createObjectNode();
        LocalDate start = LocalDate.of(year, 3, 15);
        o.put("updatedAt", INSTANT.format(Clock.officeHours(start, random)));
        o.put("status", "SENT");
        ObjectNode prescriber = o.putObject("prescriber");
        prescriber.put("type", "MISSION_LOCALE");
        prescriber.put("regionCode", "52");
        ObjectNode beneficiary = o.putObject("beneficiary");
        beneficiary.put("miloId", "4410023");
        beneficiary.put("birthDate", start.minusYears(19).toString());
        ObjectNode s = o.putObject("session");
        s.put("number", String.format("SE-%d-000001", year));
        s.put("startDate", start.toString());
        return o;
    }
}
