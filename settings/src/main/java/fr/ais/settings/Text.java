package fr.ais.settings;

/** How a value is quoted in a message: what cannot be seen is shown escaped. */
final class Text {

    private Text() {
    }

    /** {@code "a\uFEFFb"} → {@code "a\\uFEFFb"}: control and format characters, and spaces other than ' ', escaped. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean invisible = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || (Character.isSpaceChar(c) && c != ' ') || Character.getType(c) == Character.UNASSIGNED;
            if (invisible) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
