package org.vigil;

import org.vigil.ovdinfo.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Vigil's command line. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    description = "Documenting political detentions at street protests.",
    subcommands = {ImportCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
