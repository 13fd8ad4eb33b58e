package fr.ais.ingest.ouiform.api;

import fr.ais.ingest.Pseudonymizer;
import fr.ais.platform.topics.TopicCatalogue;
import fr.ais.registry.RestSchemaRegistryClient;
import fr.ais.registry.WireFormatSerdeFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * {@link ApiIngestion} in a JVM of its own, for the kill -9 test:
 * {@code ApiIngestionChild BOOTSTRAP REGISTRY_URL TOPIC_NAMESPACE API_BASE_URL PAGE_SIZE}, the token in env
 * {@code AIS_OUIFORM_TOKEN} and the pseudonym key in {@code AIS_PSEUDONYM_KEY}.
 */
public final class ApiIngestionChild {

    private ApiIngestionChild() {
    }

    public static void main(String[] args) {
        OuiFormApiClient client = new OuiFormApiClient(URI.create(args[3]), System.getenv("AIS_OUIFORM_TOKEN"));
        ApiIngestion ingestion = new ApiIngestion(client, TopicCatalogue.withNamespace(args[2]),
                new WireFormatSerdeFactory(new RestSchemaRegistryClient(args[1]), true),
                Map.of("bootstrap.servers", args[0]), Integer.parseInt(args[4]), Clock.systemUTC());
        System.out.println(ingestion.ingest(new Pseudonymizer(
                System.getenv("AIS_PSEUDONYM_KEY").getBytes(StandardCharsets.UTF_8))).line());
    }
}
