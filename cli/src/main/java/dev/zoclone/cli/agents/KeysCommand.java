package dev.zoclone.cli.agents;

import picocli.CommandLine.Command;

/** {@code zo keys}: the group of bring-your-own-key commands. */
@Command(
    name = "keys",
    description = "Your model provider keys (stored encrypted).",
    subcommands = {
      SetKeyCommand.class,
      ListKeysCommand.class,
      TestKeyCommand.class,
      RemoveKeyCommand.class
    })
public final class KeysCommand {}
