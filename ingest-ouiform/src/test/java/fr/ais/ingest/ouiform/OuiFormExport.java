package fr.ais.ingest.ouiform;

import fr.ais.ingest.testing.JsonExportFixture;
import java.util.List;

/** The OuiForm export of the tests: the SPEC §3.3 example, whose fields a test overrides. */
final class OuiFormExport {

    static final String FILE = "ouiform-2021-03.jsonl";
    static final String MILO_ID = "4410023";
    static final String PE_ID = "1234567A";
    static final String BIRTH = "2003-05-17";

    static final String EXAMPLE = """
            {"id":"7f1c2a9e-0001","updatedAt":"2021-03-04T09:15:30Z","status":"ENTERED",\
            "prescriber":{"type":"MISSION_LOCALE","structureCode":"ML44012","regionCode":"52"},\
            "beneficiary":{"peIdentifier":"1234567A","miloId":"4410023","birthDate":"2003-05-17"},\
            "session":{"number":"SE-2021-004512","providerSiret":"12345678900011",\
            "startDate":"2021-03-15","endDate":"2021-06-30","regionCode":"52"}}""";

    static final JsonExportFixture EXPORT = new JsonExportFixture(new OuiFormFormat(), FILE, EXAMPLE, "id",
            List.of("updatedAt", "beneficiary.birthDate", "session.startDate", "session.endDate"),
            OuiFormRecordMapper.PERSONAL, "prescriber.structureCode");

    private OuiFormExport() {
    }
}
