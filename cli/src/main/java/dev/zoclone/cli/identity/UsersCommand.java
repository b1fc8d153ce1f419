package dev.zoclone.cli.identity;

import picocli.CommandLine.Command;

/** {@code zo users}: the group of user commands. */
@Command(
    name = "users",
    description = "Manage users (needs the admin token).",
    subcommands = {
      CreateUserCommand.class,
      ListUsersCommand.class,
      UserActionCommand.Disable.class,
      UserActionCommand.Enable.class,
      UserActionCommand.Remove.class
    })
public final class UsersCommand {}
