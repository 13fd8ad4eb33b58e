package fr.ais.cli;

import fr.ais.cli.pipeline.Connection;
import fr.ais.consolidation.app.StreamsAppConfig;
import fr.ais.platform.security.AclAdmin;
import fr.ais.platform.security.ComponentAcls;
import fr.ais.platform.security.KafkaAclsScript;
import fr.ais.settings.Flags;
import fr.ais.settings.Settings;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "acls", mixinStandardHelpOptions = true,
        description = {"Grant each component's principal its ACLs, generated from the topic catalogue: the topics it"
                + " reads and writes, its transactional id, the consolidation's group and internal topics. Adds the"
                + " missing ones through the Admin API (as a principal allowed to alter ACLs), never removes any.",
                "Principals: User:ais-<namespace><component> (ingest-pe, ingest-imilo, ingest-ouiform,"
                        + " targets-loader, consolidation, exporter, schema-registry, admin)."})
final class AclsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Mixin
    ApplicationIdOption applicationIdOption;

    @Option(names = "--print", description = "Print the equivalent kafka-acls.sh commands instead.")
    boolean print;

    @Override
    public Integer call() {
        Settings settings = AisCommand.settings(spec, applicationIdOption.addTo(connectionOptions.addTo(Flags.none())));
        Connection connection = AisCommand.connection(spec, settings);
        List<ComponentAcls> acls = ComponentAcls.forAll(connection.catalogue(), StreamsAppConfig.applicationId(settings));
        if (print) {
            System.out.print(KafkaAclsScript.of(acls));
            return 0;
        }
        AclAdmin.Report report;
        try (Admin admin = Admin.create(connection.clientProperties())) {
            report = new AclAdmin(admin).apply(acls);
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage(), e);
        }
        for (ComponentAcls component : acls) {
            long created = report.created().stream().filter(b -> b.entry().principal().equals(component.principal()))
                    .count();
            System.out.printf("%-32s %2d ACLs (%d added)%n", component.principal(), component.bindings().size(), created);
        }
        System.out.println(report.created().size() + " ACLs added, " + report.present().size() + " already there");
        return 0;
    }
}
