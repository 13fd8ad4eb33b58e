package fr.ais.ingest.imilo;

import fr.ais.ingest.testing.JsonExportFixture;
import java.util.List;

/** The I-Milo export of the tests: the SPEC §3.2 example, whose fields a test overrides. */
final class ImiloExport {

    static final String FILE = "imilo-2021-03.jsonl";
    static final String MILO_ID = "4410023";
    static final String PE_ID = "1234567A";
    static final String BIRTH = "2003-05-17";

    static final String EXAMPLE = """
            {"idEvenement":"E-000001","horodatage":"2021-03-04T10:15:30+01:00","typeEvenement":"CREATION",\
            "prescription":{"id":"IM-2021-000001","statut":"PRESCRITE"},\
            "jeune":{"idMilo":"4410023","identifiantPE":"1234567A","dateNaissance":"2003-05-17"},\
            "structure":{"code":"ML44012","codeRegion":"52"},\
            "formation":{"numeroSession":"SE-2021-004512","siret":"12345678900011",\
            "dateDebut":"2021-03-15","dateFin":"2021-06-30","codeRegion":"52"}}""";

    static final JsonExportFixture EXPORT = new JsonExportFixture(new ImiloFormat(), FILE, EXAMPLE, "prescription.id",
            List.of("horodatage", "jeune.dateNaissance", "formation.dateDebut", "formation.dateFin"),
            ImiloRecordMapper.PERSONAL, "structure.code");

    private ImiloExport() {
    }
}
