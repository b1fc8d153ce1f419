package dev.zoclone.cli.memory;

import picocli.CommandLine.Command;

/** {@code zo conversations}: the group of commands on the caller's conversations. */
@Command(
    name = "conversations",
    description = "List, show, rename, export and delete conversations.",
    subcommands = {
      ListConversationsCommand.class,
      ShowConversationCommand.class,
      RemoveConversationCommand.class,
      RenameConversationCommand.class,
      ExportConversationCommand.class
    })
public final class ConversationsCommand {}
