package dev.zoclone.cli.agents;

import picocli.CommandLine.Command;

/** {@code zo keys}: the group of bring-your-own-key commands. */
@Command(
    name = "keys",
    description = "Store, list, test and remove your model provider keys (kept encrypted).",
    subcommands = {
      SetKeyCommand.class,
      ListKeysCommand.class,
      TestKeyCommand.class,
      RemoveKeyCommand.class
    })
public final class KeysCommand {}
