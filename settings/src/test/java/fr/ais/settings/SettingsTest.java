package fr.ais.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One resolution: flag, environment, file, default; every problem at once; secrets never shown. */
class SettingsTest {

    /** A module's settings, as a module declares them. */
    static final class Shop {
        static final SettingGroup SETTINGS = new SettingGroup("shop");
        static final Setting<String> NAME = SETTINGS.add(Setting.string("shop.name", "corner", "Name."));
        static final Setting<Integer> TILLS = SETTINGS.add(Setting.integer("shop.tills", 1, "Tills.")
                .validatedBy(n -> n >= 1, "at least 1"));
        static final Setting<Double> LOW = SETTINGS.add(Setting.decimal("shop.low", 0.5, "Low mark."));
        static final Setting<Double> HIGH = SETTINGS.add(Setting.decimal("shop.high", 1.0, "High mark."));
        static final Setting<Optional<LocalDate>> OPENS = SETTINGS.add(Setting.optionalDate("shop.opens", "Opening."));
        static final Setting<String> SAFE_CODE = SETTINGS.add(Setting.string("shop.safe.code", "", "Code.").secret()
                .validatedBy(s -> s.isEmpty() || s.length() >= 6, "at least 6 characters"));
        static final PassThrough SUPPLIER = SETTINGS.add(PassThrough.of("shop.supplier", "Supplier property.")
                .secretWhen(p -> p.contains("password")).reserving("name", NAME));

        static {
            SETTINGS.check("shop.low must not exceed shop.high", s -> s.get(LOW) <= s.get(HIGH), LOW, HIGH);
        }
    }

    @TempDir
    Path dir;

    private static Settings resolve(Map<String, String> env) {
        return resolve(env, Flags.none());
    }

    private static Settings resolve(Map<String, String> env, Flags flags) {
        return Settings.resolve(List.of(Shop.SETTINGS), env, flags);
    }

    private static List<String> problems(Map<String, String> env) {
        try {
            resolve(env);
        } catch (InvalidSettingsException e) {
            return e.problems();
        }
        throw new AssertionError("no problem reported");
    }

    private String file(String content) throws Exception {
        return Files.writeString(dir.resolve("shop.properties"), content).toString();
    }

    @Test
    void a_flag_beats_the_environment_which_beats_the_file_which_beats_the_default() throws Exception {
        String file = file("shop.name=file\nshop.tills=3\nshop.high=2.0\n");
        Map<String, String> env = Map.of(Settings.CONFIG_FILE, file, "AIS_SHOP_NAME", "env", "AIS_SHOP_TILLS", "2");

        Settings settings = resolve(env, Flags.none().set(Shop.NAME, "--name", "flag"));

        assertThat(settings.get(Shop.NAME)).isEqualTo("flag");
        assertThat(settings.get(Shop.TILLS)).isEqualTo(2);
        assertThat(settings.get(Shop.HIGH)).isEqualTo(2.0);
        assertThat(settings.get(Shop.LOW)).isEqualTo(0.5);
        assertThat(settings.describe()).extracting(Settings.Row::name, Settings.Row::origin).startsWith(
                tuple("shop.name", Settings.Origin.FLAG), tuple("shop.tills", Settings.Origin.ENVIRONMENT),
                tuple("shop.low", Settings.Origin.DEFAULT), tuple("shop.high", Settings.Origin.FILE));
    }

    @Test
    void every_problem_is_reported_at_once_each_naming_where_its_value_came_from() throws Exception {
        String file = file("shop.high=lots\n");

        assertThat(problems(Map.of(Settings.CONFIG_FILE, file, "AIS_SHOP_TILLS", "0", "AIS_SHOP_OPENS", "2021-13-01")))
                .containsExactly(
                        "shop.tills (AIS_SHOP_TILLS) = '0' must be at least 1",
                        "shop.high (" + file + ") = 'lots' cannot be read: not a decimal number such as 0.9",
                        "shop.opens (AIS_SHOP_OPENS) = '2021-13-01' cannot be read: Text '2021-13-01' could not be"
                                + " parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13");
    }

    @Test
    void a_rule_across_settings_is_reported_with_the_other_problems() {
        assertThat(problems(Map.of("AIS_SHOP_LOW", "1.5", "AIS_SHOP_TILLS", "none")))
                .containsExactly("shop.tills (AIS_SHOP_TILLS) = 'none' cannot be read: not a whole number",
                        "shop.low must not exceed shop.high");
    }

    @Test
    void a_rule_across_settings_is_not_checked_on_a_value_that_cannot_be_read() {
        assertThat(problems(Map.of("AIS_SHOP_LOW", "high"))).containsExactly(
                "shop.low (AIS_SHOP_LOW) = 'high' cannot be read: not a decimal number such as 0.9");
    }

    @Test
    void a_key_of_the_file_that_is_no_setting_is_reported_with_the_closest_name() throws Exception {
        String file = file("shop.till=2\nAIS_SHOP_NAME=x\nsomething.else=1\n");

        assertThat(problems(Map.of(Settings.CONFIG_FILE, file))).containsExactly(
                "shop.till (" + file + ") is not a setting; did you mean shop.tills?",
                "AIS_SHOP_NAME (" + file + ") is not a setting; did you mean shop.name?",
                "something.else (" + file + ") is not a setting");
    }

    @Test
    void a_key_set_twice_in_the_file_is_reported() throws Exception {
        String file = file("shop.tills=2\nshop.tills=3\n");

        assertThat(problems(Map.of(Settings.CONFIG_FILE, file)))
                .containsExactly("shop.tills (" + file + ") is set more than once");
    }

    @Test
    void a_file_that_is_not_utf8_or_missing_is_reported() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.properties"), "shop.name=Cr\u00e9teil\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems(Map.of(Settings.CONFIG_FILE, latin1.toString()))).containsExactly("AIS_CONFIG_FILE: "
                + latin1 + " is not UTF-8 text (saved as ISO-8859-1? save it as UTF-8)");
        assertThat(problems(Map.of(Settings.CONFIG_FILE, dir.resolve("none").toString())))
                .containsExactly("AIS_CONFIG_FILE: no such file " + dir.resolve("none"));
    }

    @Test
    void a_byte_order_mark_is_no_part_of_the_first_key_and_invisible_characters_are_shown_escaped() throws Exception {
        String file = file("\uFEFFshop.name=Cr\u00e9teil\nshop.tills=2\u200B\n");

        assertThat(problems(Map.of(Settings.CONFIG_FILE, file)))
                .containsExactly("shop.tills (" + file + ") = '2\\u200B' cannot be read: not a whole number");
    }

    @Test
    void a_secret_is_never_shown_and_an_unset_one_says_so() throws Exception {
        Path code = Files.writeString(dir.resolve("code"), "123456789\n");

        Settings fromFile = resolve(Map.of("AIS_SHOP_SAFE_CODE_FILE", code.toString()));
        assertThat(fromFile.get(Shop.SAFE_CODE)).isEqualTo("123456789");
        assertThat(fromFile.describe()).filteredOn(r -> r.name().equals("shop.safe.code"))
                .extracting(Settings.Row::value, Settings.Row::origin)
                .containsExactly(tuple("****", Settings.Origin.SECRET_FILE));
        assertThat(resolve(Map.of()).describe()).filteredOn(r -> r.name().equals("shop.safe.code"))
                .extracting(Settings.Row::value).containsExactly("not set");
        assertThat(problems(Map.of("AIS_SHOP_SAFE_CODE", "12345"))).containsExactly(
                "shop.safe.code (AIS_SHOP_SAFE_CODE) = '****' must be at least 6 characters");
    }

    @Test
    void the_file_may_name_a_secret_s_file() throws Exception {
        Path code = Files.writeString(dir.resolve("code"), "987654321");
        String file = file("shop.safe.code.file=" + code + "\n");

        assertThat(resolve(Map.of(Settings.CONFIG_FILE, file)).get(Shop.SAFE_CODE)).isEqualTo("987654321");
        assertThat(problems(Map.of(Settings.CONFIG_FILE, file("shop.safe.code.file=/no/such/code\n"))))
                .containsExactly("shop.safe.code (" + file + " shop.safe.code.file): no such file /no/such/code");
    }

    @Test
    void a_value_is_shown_as_given_and_an_empty_one_as_not_set() {
        Settings settings = resolve(Map.of("AIS_SHOP_OPENS", "2021-12-31"));

        assertThat(settings.get(Shop.OPENS)).contains(LocalDate.of(2021, 12, 31));
        assertThat(settings.describe()).filteredOn(r -> r.name().equals("shop.opens"))
                .extracting(Settings.Row::value).containsExactly("2021-12-31");
        assertThat(resolve(Map.of()).describe()).filteredOn(r -> r.name().equals("shop.opens"))
                .extracting(Settings.Row::value).containsExactly("not set");
    }

    @Test
    void dates_and_decimals_are_read_exactly_as_written() {
        assertThat(problems(Map.of("AIS_SHOP_OPENS", "+12021-05-17", "AIS_SHOP_LOW", "NaN", "AIS_SHOP_HIGH",
                "0x1p0"))).containsExactly(
                "shop.low (AIS_SHOP_LOW) = 'NaN' cannot be read: not a decimal number such as 0.9",
                "shop.high (AIS_SHOP_HIGH) = '0x1p0' cannot be read: not a decimal number such as 0.9",
                "shop.opens (AIS_SHOP_OPENS) = '+12021-05-17' cannot be read: not a date YYYY-MM-DD");
    }

    @Test
    void properties_pass_through_from_the_environment_and_the_file_the_environment_first() throws Exception {
        String file = file("shop.supplier.delivery.day=monday\nshop.supplier.login=file\n"
                + "shop.supplier.login.password=pw1\n");
        Settings settings = resolve(Map.of(Settings.CONFIG_FILE, file, "AIS_SHOP_SUPPLIER_LOGIN", "env"));

        assertThat(settings.get(Shop.SUPPLIER)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "delivery.day", "monday", "login", "env", "login.password", "pw1"));
        assertThat(settings.describe()).filteredOn(r -> r.name().startsWith("shop.supplier."))
                .extracting(Settings.Row::name, Settings.Row::environmentVariable, Settings.Row::value,
                        Settings.Row::origin)
                .containsExactly(
                        tuple("shop.supplier.delivery.day", "AIS_SHOP_SUPPLIER_DELIVERY_DAY", "monday",
                                Settings.Origin.FILE),
                        tuple("shop.supplier.login", "AIS_SHOP_SUPPLIER_LOGIN", "env", Settings.Origin.ENVIRONMENT),
                        tuple("shop.supplier.login.password", "AIS_SHOP_SUPPLIER_LOGIN_PASSWORD", "****",
                                Settings.Origin.FILE));
        assertThat(settings.toString()).doesNotContain("pw1");
    }

    @Test
    void a_property_that_a_setting_owns_cannot_pass_through() {
        assertThat(problems(Map.of("AIS_SHOP_SUPPLIER_NAME", "x", "AIS_SHOP_SUPPLIER_", "y"))).containsExactly(
                "AIS_SHOP_SUPPLIER_ (shop.supplier.) is not a property name",
                "AIS_SHOP_SUPPLIER_NAME (shop.supplier.name) is set by shop.name (AIS_SHOP_NAME)");
    }

    @Test
    void defaults_are_the_settings_as_if_nothing_were_set() {
        Settings defaults = Settings.defaults(Shop.SETTINGS);

        assertThat(defaults.get(Shop.TILLS)).isEqualTo(1);
        assertThat(defaults.get(Shop.OPENS)).isEmpty();
        assertThat(defaults.get(Shop.SUPPLIER)).isEmpty();
    }

    @Test
    void the_closest_name_is_only_suggested_when_close() {
        assertThat(Settings.Suggestion.closest("streams.thread", List.of("streams.threads", "serving.port")))
                .contains("streams.threads");
        assertThat(Settings.Suggestion.closest("colour", List.of("streams.threads"))).isEmpty();
        assertThat(Settings.Suggestion.distance("kitten", "sitting")).isEqualTo(3);
    }
}
