package dev.zoclone.cli.mcp;

import picocli.CommandLine.Command;

/** {@code zo mcp}: the MCP servers whose tools join your asks. */
@Command(
    name = "mcp",
    description = "Connect your asks to MCP servers: add, list, test and remove them.",
    subcommands = {
      AddMcpServerCommand.class,
      ListMcpServersCommand.class,
      TestMcpServerCommand.class,
      RemoveMcpServerCommand.class
    })
public final class McpCommand {}
