package fr.ais.cli;

import fr.ais.ingest.parsing.PhysicalLines;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import picocli.CommandLine;

/**
 * The charset option of a source export: refused on the command line (exit 2) when the connectors cannot
 * read exports in it, before any file is opened — a drop directory would otherwise retry such a file for ever.
 */
final class ExportCharset implements CommandLine.ITypeConverter<Charset> {

    @Override
    public Charset convert(String name) {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandLine.TypeConversionException("'" + name + "' is not a charset this Java knows");
        }
        if (!PhysicalLines.supports(charset)) {
            throw new CommandLine.TypeConversionException("cannot read exports in " + charset.name()
                    + ": lines are split on the bytes of CR and LF; use UTF-8 or ISO-8859-1");
        }
        return charset;
    }
}
