package org.vigil.ovdinfo;

import picocli.CommandLine.Command;

/** `vigil import SOURCE …`: one subcommand per kind of published table. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import events from a published table.",
    subcommands = {OvdInfoImportCommand.class})
public final class ImportCommand {}
