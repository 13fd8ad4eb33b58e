package fr.ais.synthetic.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ais.synthetic.world.Network;
import fr.ais.synthetic.world.Population;
import fr.ais.synthetic.world.Prescription;
import fr.ais.synthetic.world.Session;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Writes what each system knows of a synthetic population: the three source files and the targets file. */
public final class SourceFiles {

    public static final String PE_FILE = "pe.csv";
    public static final String IMILO_FILE = "imilo.jsonl";
    public static final String OUIFORM_FILE = "ouiform.jsonl";
    public static final String TARGETS_FILE = "targets.csv";

    /** What was written; {@code targetRows} excludes the header. */
    public record Written(FileSummary pe, FileSummary imilo, FileSummary ouiform, int targetRows) {
    }

    private SourceFiles() {
    }

    /**
     * @param random a random used for nothing else: each file draws from its own split of it, so changing the
     *               bad-record rate leaves the good records of every file unchanged
     */
    public static Written write(Population population, int year, Path dir, Charset peCharset, double badRate,
                                SplittableRandom random) throws IOException {
        SplittableRandom presenceRandom = random.split();
        ObjectMapper mapper = new ObjectMapper();
        // legacy ISO-8859-1 exports come from Windows tools: CRLF line ends
        PeExport pe = new PeExport(random.split(), year, !StandardCharsets.UTF_8.equals(peCharset));
        IMiloExport imilo = new IMiloExport(random.split(), mapper, year);
        OuiFormExport ouiform = new OuiFormExport(random.split(), mapper, year);
        SplittableRandom targetsRandom = random.split();

        for (Prescription p : population.prescriptions()) {
            boolean inPe = p.person().de() != null
                    && presenceRandom.nextDouble() < (p.outcome().isEntry() ? 0.92 : 0.55);
            boolean inImilo = p.network() == Network.ML && presenceRandom.nextDouble() < 0.95;
            boolean inOuiform = presenceRandom.nextDouble() < switch (p.network()) {
                case CONSEIL_REGIONAL -> 0.85;
                case OTHER -> 0.5;
                case ML -> 0.4;
                default -> 0.3;
            };
            if (!inPe && !inImilo && !inOuiform) {
                inPe = p.person().de() != null;
                inOuiform = !inPe;
            }
            if (inPe) {
                pe.add(p);
            }
            if (inImilo) {
                imilo.add(p);
            }
            if (inOuiform) {
                ouiform.add(p);
            }
            if (presenceRandom.nextDouble() < 0.03) {
                Session other = population.sessions().get(presenceRandom.nextInt(population.sessions().size()));
                ouiform.addAbandonedDraft(p, other);
            }
        }
        FileSummary peSummary = pe.write(dir.resolve(PE_FILE), peCharset, badRate);
        FileSummary imiloSummary = imilo.write(dir.resolve(IMILO_FILE), StandardCharsets.UTF_8, badRate);
        FileSummary ouiformSummary = ouiform.write(dir.resolve(OUIFORM_FILE), StandardCharsets.UTF_8, badRate);
        int targetRows = TargetsExport.write(dir.resolve(TARGETS_FILE), population, year, targetsRandom);
        return new Written(peSummary, imiloSummary, ouiformSummary, targetRows);
    }
}
