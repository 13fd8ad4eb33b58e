package fr.ais.synthetic.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/** Dotted-path access to the JSON sources' nested objects, and the three ways they leave an optional value out. */
final class JsonFields {

    private JsonFields() {
    }

    /** Puts {@code value}, or when it is null leaves it out as SPEC §3 allows: absent, null or empty. */
    static void putOptional(ObjectNode node, String name, String value, SplittableRandom random) {
        if (value != null) {
            node.put(name, value);
            return;
        }
        int how = random.nextInt(10);
        if (how < 3) {
            node.putNull(name);
        } else if (how < 5) {
            node.put(name, "");
        } // else absent
    }

    static void set(ObjectNode root, String path, String value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? root : (ObjectNode) root.at("/" + path.substring(0, dot).replace('.', '/'));
        parent.put(path.substring(dot + 1), value);
    }

    static String get(ObjectNode root, String path) {
        return root.at("/" + path.replace('.', '/')).asText(null);
    }

    /** Leaves a required field out: absent, null or empty depending on {@code variant}. */
    static void drop(ObjectNode root, String path, int variant) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? root : (ObjectNode) root.at("/" + path.substring(0, dot).replace('.', '/'));
        String name = path.substring(dot + 1);
        switch (variant % 3) {
            case 0 -> parent.remove(name);
            case 1 -> parent.putNull(name);
            default -> parent.put(name, "");
        }
    }
}
