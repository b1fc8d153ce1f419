package dev.zoclone.cli.mcp;

import picocli.CommandLine.Command;

/** {@code zo mcp}: the MCP servers whose tools join your asks. */
@Command(
    name = "mcp",
    description = "Add, list, test and remove the MCP servers your asks use.",
    subcommands = {
      AddMcpServerCommand.class,
      ListMcpServersCommand.class,
      TestMcpServerCommand.class,
      RemoveMcpServerCommand.class
    })
public final class McpCommand {}
