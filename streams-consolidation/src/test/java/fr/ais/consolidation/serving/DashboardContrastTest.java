package fr.ais.consolidation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, accessible: each status's text has a WCAG AA contrast (at least 4.5:1) on its background, as the
 * dashboard's style sheet writes them (the colours are never the only carrier: DashboardBrowserIT checks the text).
 */
class DashboardContrastTest {

    private static final Pattern STATUS_RULE = Pattern.compile(
            "\\.(ON_TRACK|AT_RISK|BEHIND|NO_DATA) \\{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6}); }");

    @Test
    void every_status_text_has_an_aa_contrast_on_its_background() throws IOException {
        String css;
        try (InputStream in = DashboardContrastTest.class.getResourceAsStream("/dashboard/dashboard.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Double> contrasts = new HashMap<>();
        Matcher rule = STATUS_RULE.matcher(css);
        while (rule.find()) {
            contrasts.put(rule.group(1), contrast(rule.group(3), rule.group(2)));
        }
        assertThat(contrasts).containsOnlyKeys("ON_TRACK", "AT_RISK", "BEHIND", "NO_DATA");
        assertThat(contrasts).allSatisfy((status, ratio) -> assertThat(ratio).as(status).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void the_contrast_is_computed_as_wcag_defines_it() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(contrast("#777777", "#ffffff")).isBetween(4.47, 4.49); // the well-known just-failing grey
    }

    /** WCAG 2 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter first. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] weights = {0.2126, 0.7152, 0.0722};
        double l = 0;
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }
}
