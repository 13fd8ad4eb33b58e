package fr.ais.cli;

import fr.ais.cli.pipeline.Connection;
import fr.ais.platform.topics.TopicAdmin;
import fr.ais.settings.Flags;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create the catalogue's missing topics, verify the others (never deletes or alters), and register"
                + " their key and value schemas.")
final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connectionOptions;

    @Option(names = "--print-script", description = "Print the catalogue as kafka-topics.sh commands instead.")
    boolean printScript;

    @Override
    public Integer call() {
        Connection connection = AisCommand.connection(spec,
                AisCommand.settings(spec, connectionOptions.addTo(Flags.none())));
        if (printScript) {
            System.out.print(TopicAdmin.kafkaTopicsScript(connection.catalogue().topics(), connection.replicationFactor()));
            return 0;
        }
        try {
            TopicAdmin.Report report = connection.ensureTopics();
            report.created().forEach(t -> System.out.println("created  " + t));
            report.verified().forEach(t -> System.out.println("ok       " + t));
            System.out.println("schemas of " + connection.catalogue().topics().size() + " topics registered");
            return 0;
        } catch (TopicAdmin.TopicDriftException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
