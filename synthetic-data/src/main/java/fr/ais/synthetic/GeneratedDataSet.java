package fr.ais.synthetic;

import fr.ais.synthetic.export.FileSummary;
import java.nio.file.Path;

/**
 * The files a generation wrote and what they hold.
 *
 * @param pe          {@code pe.csv} summary (records exclude the header)
 * @param imilo       {@code imilo.jsonl} summary
 * @param ouiform     {@code ouiform.jsonl} summary; the fake API serves its good and non-PARSE_ERROR bad lines
 * @param targetRows  data rows of {@code targets.csv} (18 regions × GLOBAL/PE/ML)
 * @param people      young people generated
 * @param prescriptions real prescriptions behind the records (before any source's gaps)
 */
public record GeneratedDataSet(Path directory, Path peFile, Path imiloFile, Path ouiformFile, Path targetsFile,
                               Path manifestFile, FileSummary pe, FileSummary imilo, FileSummary ouiform,
                               int targetRows, int people, int prescriptions) {

    /** Records across the three source files. */
    public int totalRecords() {
        return pe.records() + imilo.records() + ouiform.records();
    }

    /** Intentionally bad records across the three source files. */
    public int totalBadRecords() {
        return pe.badRecords() + imilo.badRecords() + ouiform.badRecords();
    }
}
