package fr.ais.cli;

import fr.ais.kafka.embedded.EmbeddedKafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code ais} command line: runs the pipeline's parts on the embedded stack or a real cluster. */
@Command(name = "ais", mixinStandardHelpOptions = true, versionProvider = AisCommand.Version.class,
        description = "Consolidates training prescriptions for young people from Pôle emploi, I-Milo and OuiForm,"
                + " and pilots them against the regional targets.",
        subcommands = {DemoCommand.class, ReplayCommand.class, StackCommand.class, TopicsCommand.class,
                ConfigCommand.class, GenerateCommand.class, IngestCommand.class, TargetsCommand.class,
                ConsolidateCommand.class, ExportCommand.class, FakeOuiFormCommand.class, OuiFormApiCommand.class})
public final class AisCommand implements Runnable {

    /** Exit code of a failure the user can act on (bad input, unreachable cluster…). */
    public static final int FAILURE = 1;
    /** Exit code of a usage or configuration error. */
    public static final int USAGE = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its error handling: one line for user errors, stack traces on --verbose. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AisCommand());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            if (verbose) {
                e.printStackTrace(cl.getErr());
            }
            if (e instanceof UserException || e instanceof EmbeddedKafkaException) {
                cl.getErr().println("ais: " + e.getMessage());
                return FAILURE;
            }
            cl.getErr().println("ais: " + e + (verbose ? "" : " (--verbose for details)"));
            return FAILURE;
        });
        return commandLine;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AisCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ais " + (v == null ? "development build" : v)};
        }
    }
}
