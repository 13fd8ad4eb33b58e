package fr.ais.cli;

import fr.ais.cli.pipeline.Connection;
import fr.ais.platform.connection.KafkaConnection;
import fr.ais.platform.security.AccessDenied;
import fr.ais.platform.topics.MissingTopicException;
import fr.ais.registry.SubjectNotFoundException;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Failures that a bare exception would leave the user to decode, said in the terms of the command
 * line: which cluster did not answer, which step comes first.
 */
final class Failures {

    private Failures() {
    }

    /**
     * What went wrong and what to do, or null when {@code e} is none of the known failures.
     *
     * @param connection the cluster and registry the command used, or null
     */
    static String explain(Throwable e, Connection connection) {
        String denied = connection == null ? null : AccessDenied.explain(e, connection.clientProperties());
        if (denied != null) {
            return denied;
        }
        SubjectNotFoundException noSchema = ExceptionUtils.throwableOfType(e, SubjectNotFoundException.class);
        if (noSchema != null) {
            return "the registry" + (connection == null ? "" : " at " + connection.registry().baseUrl())
                    + " has not got the schemas of the topics (" + noSchema.getMessage() + "): run `ais topics` first,"
                    + " which creates the topics and registers their schemas";
        }
        MissingTopicException missingTopic = ExceptionUtils.throwableOfType(e, MissingTopicException.class);
        if (missingTopic != null) {
            return missingTopic.getMessage() + ": run `ais topics` first, which creates the topics of the catalogue"
                    + " and registers their schemas";
        }
        TimeoutException timeout = ExceptionUtils.throwableOfType(e, TimeoutException.class);
        if (timeout != null) {
            return "no answer from the Kafka cluster" + (connection == null ? "" : " at "
                    + connection.kafka().bootstrapServers() + " (" + KafkaConnection.BOOTSTRAP_SERVERS.name()
                    + ", " + KafkaConnection.BOOTSTRAP_SERVERS.environmentVariable() + " or --bootstrap-servers)")
                    + ": is it running and reachable? (" + timeout.getMessage() + ")";
        }
        return null;
    }
}
