package org.vigil;

import org.vigil.ovdinfo.OvdInfoImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Vigil's command line: `vigil import ovdinfo FILE`, and more as the service grows. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Documenting political detentions at street protests.",
    subcommands = {Main.ImportCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** `vigil import SOURCE …`: one subcommand per kind of source table. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import events from a published table.",
      subcommands = {OvdInfoImportCommand.class})
  static final class ImportCommand {}

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"vigil " + (version == null ? "(development)" : version)};
    }
  }
}
