package fr.ais.platform.security;

import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.schemas.Source;
import java.util.Arrays;
import java.util.Objects;

/**
 * The pipeline's components, each of which runs on the cluster as a principal of its own with only
 * the rights {@link ComponentAcls} gives it.
 *
 * <p>A component's user name is {@code ais-<namespace><id>} (e.g. {@code ais-ingest-pe}): two
 * namespaced pipelines on one cluster have distinct principals, as they have distinct topics. The
 * connectors and the targets loader use that same name as their transactional id.
 */
public enum Component {
    PE_CONNECTOR("ingest-pe", "the Pôle emploi connector: reads PE exports, publishes their events"),
    IMILO_CONNECTOR("ingest-imilo", "the I-Milo connector: reads I-Milo exports, publishes their events"),
    OUIFORM_CONNECTOR("ingest-ouiform", "the OuiForm connector: reads OuiForm exports or its API, publishes their events"),
    TARGETS_LOADER("targets-loader", "loads the yearly regional targets file"),
    CONSOLIDATION("consolidation", "the Kafka Streams application: consolidation, aggregates, progress, alerts, serving"),
    EXPORTER("exporter", "reads the output topics into the SPEC §6 exports (ais export, the end of ais replay)"),
    REGISTRY("schema-registry", "the local schema registry: keeps its schemas on its own topic"),
    ADMIN("admin", "ais topics and ais acls: creates the topics, registers the schemas, applies these ACLs");

    private final String id;
    private final String description;

    Component(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The component's short name, e.g. {@code ingest-pe}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The connector of a source. */
    public static Component connectorOf(Source source) {
        return switch (source) {
            case PE -> PE_CONNECTOR;
            case IMILO -> IMILO_CONNECTOR;
            case OUIFORM -> OUIFORM_CONNECTOR;
        };
    }

    /** The component whose id is {@code id} (e.g. {@code ingest-pe}). */
    public static Component ofId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + id + "; components: "
                        + Arrays.stream(values()).map(Component::id).toList()));
    }

    /** The user name of this component's principal under the catalogue's namespace. */
    public String userName(TopicCatalogue catalogue) {
        return "ais-" + Objects.requireNonNull(catalogue, "catalogue").namespace() + id;
    }

    /** The principal, as the authorizer names it ({@code User:ais-ingest-pe}). */
    public String principal(TopicCatalogue catalogue) {
        return "User:" + userName(catalogue);
    }

    /**
     * The one stable transactional id of a connector or of the targets loader, per namespace: a
     * restarted run fences the one it replaces.
     */
    public String transactionalId(TopicCatalogue catalogue) {
        if (this != TARGETS_LOADER && !isConnector()) {
            throw new IllegalStateException(this + " has no single transactional id");
        }
        return userName(catalogue);
    }

    public boolean isConnector() {
        return this == PE_CONNECTOR || this == IMILO_CONNECTOR || this == OUIFORM_CONNECTOR;
    }
}
