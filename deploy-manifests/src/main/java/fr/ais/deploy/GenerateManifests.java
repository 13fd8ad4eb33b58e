package fr.ais.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the {@link Manifests#generated() generated deploy files} under the deploy directory given as argument. */
public final class GenerateManifests {

    private GenerateManifests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GenerateManifests DEPLOY_DIR");
            System.exit(2);
        }
        Path deploy = Path.of(args[0]);
        for (Map.Entry<String, String> file : Manifests.generated(deploy).entrySet()) {
            Path target = deploy.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + target.normalize());
        }
    }
}
