package org.vigil;

import org.vigil.linkage.LinkBenchCommand;
import org.vigil.linkage.LinkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Vigil's command line. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    description = "Documenting political detentions at street protests.",
    subcommands = {LinkCommand.class, LinkBenchCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
