package fr.ais.cli;

import fr.ais.cli.pipeline.Connection;
import fr.ais.kafka.embedded.EmbeddedKafkaException;
import fr.ais.settings.Flags;
import fr.ais.settings.InvalidSettingsException;
import fr.ais.settings.Settings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code ais} command line: runs the pipeline's parts on the embedded stack or a real cluster. */
@Command(name = "ais", mixinStandardHelpOptions = true, versionProvider = AisCommand.Version.class,
        description = "Consolidates training prescriptions for young people from Pôle emploi, I-Milo and OuiForm,"
                + " and pilots them against the regional targets.",
        subcommands = {DemoCommand.class, ReplayCommand.class, StackCommand.class, RegistryCommand.class,
                TopicsCommand.class, AclsCommand.class,
                ConfigCommand.class, GenerateCommand.class, IngestCommand.class, TargetsCommand.class,
                ConsolidateCommand.class, ExportCommand.class, AlertsCommand.class, FakeOuiFormCommand.class,
                OuiFormApiCommand.class})
public final class AisCommand implements Runnable {

    /** Exit code of a failure the user can act on (bad input, unreachable cluster…). */
    public static final int FAILURE = 1;
    /** Exit code of a usage or configuration error. */
    public static final int USAGE = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    /** The cluster and registry the command connected to, named when they fail. */
    private Connection connection;

    AisCommand(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The settings of the running command: its {@code flags}, then the environment, then
     * {@code AIS_CONFIG_FILE}, then the defaults.
     *
     * @throws InvalidSettingsException listing every wrong setting (exit code 2)
     */
    static Settings settings(CommandSpec command, Flags flags) {
        return AisSettings.resolve(environment(command), flags);
    }

    /** The cluster and registry of {@code settings}, for the running command. */
    static Connection connection(CommandSpec command, Settings settings) {
        AisCommand root = (AisCommand) command.root().userObject();
        root.connection = Connection.from(settings);
        return root.connection;
    }

    /** The environment the command line reads its settings from. */
    static Map<String, String> environment(CommandSpec command) {
        return ((AisCommand) command.root().userObject()).environment;
    }

    /** The command line of this process, reading the process environment. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with its error handling: one line for user errors, stack traces on --verbose. */
    static CommandLine commandLine(Map<String, String> environment) {
        AisCommand root = new AisCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setResourceBundle(new SettingsHelp());
        commandLine.setUsageHelpAutoWidth(true);
        CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, args) -> {
            if (e instanceof UnmatchedArgumentException unmatched && isUnknownCommand(unmatched)) {
                CommandLine where = e.getCommandLine();
                PrintWriter err = where.getErr();
                err.println("ais: unknown command '" + unmatched.getUnmatched().get(0) + "'"
                        + (where.getParent() == null ? "" : " of " + where.getCommandSpec().qualifiedName()));
                UnmatchedArgumentException.printSuggestions(unmatched, err);
                err.println("'" + where.getCommandSpec().qualifiedName() + " --help' lists the commands.");
                return USAGE;
            }
            return usage.handleParseException(e, args);
        });
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        commandLine.setExecutionStrategy(parsed -> {
            // with --help, picocli shows the help even after an unknown command: that is a usage error too
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (!p.unmatched().isEmpty()) {
                    throw new UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
                }
            }
            return run.execute(parsed);
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            boolean verbose = parsed.hasMatchedOption("--verbose");
            if (verbose) {
                e.printStackTrace(cl.getErr());
            }
            if (e instanceof InvalidSettingsException || e instanceof UsageException) {
                cl.getErr().println("ais: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof UserException || e instanceof EmbeddedKafkaException) {
                cl.getErr().println("ais: " + e.getMessage());
                return FAILURE;
            }
            String explained = Failures.explain(e, root.connection);
            if (explained != null) {
                cl.getErr().println("ais: " + explained + (verbose ? "" : " (--verbose for details)"));
                return FAILURE;
            }
            cl.getErr().println("ais: " + e + (verbose ? "" : " (--verbose for details)"));
            return FAILURE;
        });
        return commandLine;
    }

    /** An unmatched first argument that is no option, where a subcommand was expected. */
    private static boolean isUnknownCommand(UnmatchedArgumentException e) {
        CommandLine where = e.getCommandLine();
        return !where.getSubcommands().isEmpty() && !e.getUnmatched().isEmpty()
                && !e.getUnmatched().get(0).startsWith("-");
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
