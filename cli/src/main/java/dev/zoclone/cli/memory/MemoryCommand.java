package dev.zoclone.cli.memory;

import picocli.CommandLine.Command;

/** {@code zo memory}: the group of commands on the caller's memories. */
@Command(
    name = "memory",
    description = "Save, show and forget memories (find them with zo recall).",
    subcommands = {
      ListMemoriesCommand.class,
      AddMemoryCommand.class,
      GetMemoryCommand.class,
      UpdateMemoryCommand.class,
      MemoryHistoryCommand.class,
      RemoveMemoryCommand.class
    })
public final class MemoryCommand {}
