package fr.ais.synthetic.export;

import fr.ais.schemas.RejectReason;
import fr.ais.synthetic.world.Network;
import fr.ais.synthetic.world.Outcome;
import fr.ais.synthetic.world.Prescription;
import fr.ais.synthetic.world.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The Pôle emploi AIS export (SPEC §3.1): every movement of every AIS, as a {@code ;} CSV. */
final class PeExport extends SourceExport {

    static final String HEADER = "id_ais;type_mouvement;date_mouvement;identifiant_de;date_naissance;numero_session;"
            + "siret_organisme;date_entree;date_fin;code_region_formation;code_structure_prescripteur;"
            + "type_prescripteur;code_region_prescripteur;financeur";

    static final String[] COLUMNS = HEADER.split(";");
    private static final int ID = 0, MOVEMENT = 1, AT = 2, DE = 3, BIRTH = 4, SESSION = 5, SIRET = 6, ENTRY = 7,
            END = 8, TRAINING_REGION = 9, STRUCTURE = 10, PRESCRIBER_TYPE = 11, PRESCRIBER_REGION = 12, FUNDER = 13;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Clock.PARIS);
    private static final String[] FUNDERS = {"REGION", "POLE_EMPLOI", "ETAT", "OPCO", "AUTRE"};

    private final int year;
    private final boolean crlf;
    private final List<String[]> templates = new ArrayList<>();
    private int nextId = 1;

    PeExport(SplittableRandom random, int year, boolean crlf) {
        super(random);
        this.year = year;
        this.crlf = crlf;
    }

    @Override
    protected String header() {
        return HEADER;
    }

    @Override
    protected String lineSeparator() {
        return crlf ? "\r\n" : "\n";
    }

    private String nextKey() {
        return String.format("AIS-%d-%07d", year, nextId++);
    }

    /** The AIS of one prescription, and now and then a duplicate AIS for the same entry. */
    void add(Prescription p) {
        addAis(p, nextKey());
        if (random.nextDouble() < 0.02) {
            addAis(p, nextKey());
        }
    }

    private void addAis(Prescription p, String key) {
        String[] v = new String[COLUMNS.length];
        v[ID] = key;
        v[DE] = p.person().de();
        v[BIRTH] = DATE.format(p.person().birthDate());
        LocalDate firstEntry = p.movedTo() == null ? p.entryDate() : p.session().startDate();
        setSession(v, p.session(), firstEntry);
        v[STRUCTURE] = random.nextDouble() < 0.8 ? p.structureCode() : null;
        String declared = declaredType(p.network());
        // the field saying who prescribed is unevenly filled in: empty in about 30 % of final versions
        v[PRESCRIBER_TYPE] = random.nextDouble() < 0.38 ? null : declared;
        v[PRESCRIBER_REGION] = random.nextDouble() < 0.85 ? p.prescriberRegion() : null;
        v[FUNDER] = random.nextDouble() < 0.15 ? null : FUNDERS[random.nextInt(FUNDERS.length)];

        Instant at = Clock.officeHours(firstEntry.minusDays(random.nextInt(15)), random);
        emit(v, "CREATION", at);
        if (p.movedTo() != null) {
            at = Clock.daysAfter(at, 1, 20, random);
            setSession(v, p.movedTo(), p.entryDate());
            emit(v, "MODIFICATION", at);
        }
        if (random.nextDouble() < 0.3) {
            // equal timestamps now and then: the later line of the file wins (rule 1)
            at = random.nextDouble() < 0.1 ? at : Clock.daysAfter(at, 1, 30, random);
            if (v[PRESCRIBER_TYPE] == null && random.nextDouble() < 0.5) {
                v[PRESCRIBER_TYPE] = declared;
            }
            v[END] = DATE.format(p.finalSession().endDate().plusDays(random.nextInt(30)));
            emit(v, "MODIFICATION", at);
        }
        if (p.outcome() == Outcome.CANCELLED) {
            emit(v, "ANNULATION", Clock.daysAfter(at, 1, 15, random));
        }
    }

    private String declaredType(Network network) {
        return switch (network) {
            // a few are mislabelled, which the consolidation shows as attribution conflicts
            case ML -> random.nextDouble() < 0.02 ? "PE" : "ML";
            case PE -> random.nextDouble() < 0.02 ? "ML" : "PE";
            case CAP_EMPLOI -> "CAP_EMPLOI";
            case CONSEIL_REGIONAL, OTHER -> "AUTRE";
        };
    }

    private void setSession(String[] v, Session session, LocalDate entry) {
        v[SESSION] = Spelling.session(session.number(), 0.1, random);
        v[SIRET] = random.nextDouble() < 0.9 ? session.siret() : null;
        v[ENTRY] = DATE.format(entry);
        v[END] = random.nextDouble() < 0.8 ? DATE.format(session.endDate()) : null;
        v[TRAINING_REGION] = session.region().code();
    }

    private void emit(String[] values, String movement, Instant at) {
        String[] v = values.clone();
        v[MOVEMENT] = movement;
        v[AT] = DATE_TIME.format(at);
        if (!"ANNULATION".equals(movement)) {
            templates.add(v);
        }
        addGood(at, csv(v));
    }

    /** Quotes what must be (a {@code ;} or a quote inside), and some plain values too; pads some with spaces. */
    private String csv(String[] values) {
        StringBuilder line = new StringBuilder(160);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(';');
            }
            String value = values[i] == null ? "" : values[i];
            if (random.nextDouble() < 0.03) {
                value = random.nextBoolean() ? " " + value : value + "  ";
            }
            boolean mustQuote = value.indexOf(';') >= 0 || value.indexOf('"') >= 0;
            if (mustQuote || (!value.isEmpty() && random.nextDouble() < 0.05)) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }

    @Override
    protected Line bad(RejectReason reason, int variant) {
        String[] v = templates.isEmpty() ? fallbackTemplate() : templates.get(random.nextInt(templates.size())).clone();
        v[ID] = nextKey();
        LocalDate entry = LocalDate.parse(v[ENTRY], DATE);
        String field;
        switch (reason) {
            case PARSE_ERROR -> {
                if (variant % 2 == 0) {
                    // an export cut short
                    String[] cut = new String[6];
                    System.arraycopy(v, 0, cut, 0, cut.length);
                    return badLine(String.join(";", cut), reason, null);
                }
                // a ';' that the export forgot to quote: one column too many
                v[STRUCTURE] = "CAP" + v[TRAINING_REGION] + ";ANT9";
                return badLine(String.join(";", nullsAsEmpty(v)), reason, null);
            }
            case MISSING_FIELD -> {
                int[] required = {SESSION, BIRTH, DE, ENTRY, TRAINING_REGION};
                int column = required[variant % required.length];
                v[column] = variant % 2 == 0 ? "" : "   ";
                field = COLUMNS[column];
            }
            case BAD_DATE -> {
                switch (variant % 3) {
                    case 0 -> {
                        v[ENTRY] = entry.toString();
                        field = COLUMNS[ENTRY];
                    }
                    case 1 -> {
                        v[AT] = entry.toString() + "T10:00:00";
                        field = COLUMNS[AT];
                    }
                    default -> {
                        v[BIRTH] = v[BIRTH].replace('/', '.');
                        field = COLUMNS[BIRTH];
                    }
                }
            }
            case BIRTH_NOT_BEFORE_ENTRY -> {
                v[BIRTH] = DATE.format(entry.plusDays(variant % 2 == 0 ? 0 : 1 + random.nextInt(400)));
                field = COLUMNS[BIRTH];
            }
            case VALUE_OUTSIDE_LIST -> {
                switch (variant % 3) {
                    case 0 -> {
                        v[MOVEMENT] = "SUPPRESSION";
                        field = COLUMNS[MOVEMENT];
                    }
                    case 1 -> {
                        v[PRESCRIBER_TYPE] = "MISSION_LOCALE";
                        field = COLUMNS[PRESCRIBER_TYPE];
                    }
                    default -> {
                        v[FUNDER] = "DEPARTEMENT";
                        field = COLUMNS[FUNDER];
                    }
                }
            }
            case BAD_IDENTIFIER_FORMAT -> {
                if (variant % 2 == 0) {
                    v[DE] = String.format("%06d%c", random.nextInt(1_000_000), (char) ('A' + random.nextInt(26)));
                    field = COLUMNS[DE];
                } else {
                    v[SIRET] = String.format("%013d", random.nextLong(10_000_000_000_000L));
                    field = COLUMNS[SIRET];
                }
            }
            case BAD_REGION -> {
                if (variant % 2 == 0) {
                    v[TRAINING_REGION] = "99";
                    field = COLUMNS[TRAINING_REGION];
                } else {
                    v[PRESCRIBER_REGION] = "20";
                    field = COLUMNS[PRESCRIBER_REGION];
                }
            }
            default -> throw new IllegalStateException("unknown reason " + reason);
        }
        return badLine(csv(v), reason, field);
    }

    private static String[] nullsAsEmpty(String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? "" : values[i];
        }
        return out;
    }

    /** When no good record exists to copy (tiny runs), a plain valid one. */
    private String[] fallbackTemplate() {
        LocalDate entry = LocalDate.of(year, 3, 15);
        return new String[] {null, "CREATION", DATE_TIME.format(Clock.officeHours(entry, random)), "1234567A",
                DATE.format(entry.minusYears(20)), String.format("SE-%d-000001", year), null, DATE.format(entry),
                null, "52", null, null, null, null};
    }
}
