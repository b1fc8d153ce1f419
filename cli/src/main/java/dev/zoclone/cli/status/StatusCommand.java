package dev.zoclone.cli.status;

import dev.zoclone.cli.ExitCodes;
import dev.zoclone.cli.GatewayCommand;
import dev.zoclone.cli.TextTable;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayResponse;
import dev.zoclone.contract.ServiceStatus;
import dev.zoclone.contract.StatusResponse;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code zo status}: each service's readiness as the gateway sees it. */
@Command(
    name = "status",
    description = "Show whether each ZoClone service is UP or DOWN.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Every service is UP.",
      "1:A service is DOWN, or the request failed.",
      "3:The gateway cannot be reached."
    })
public final class StatusCommand extends GatewayCommand {
  @Override
  protected int execute(GatewayClient gateway) {
    GatewayResponse response = gateway.get("/api/v1/status");
    List<ServiceStatus> services = services(response.read(StatusResponse.class));
    List<String> down =
        services.stream()
            .filter(s -> !ServiceStatus.UP.equals(s.status()))
            .map(ServiceStatus::name)
            .toList();
    if (!printedAsJson(response)) {
      TextTable table = new TextTable("NAME", "STATUS", "VERSION");
      services.forEach(s -> table.row(s.name(), s.status(), s.version()));
      out().print(table.render());
      out().println(summary(services.size(), down));
    }
    return down.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static List<ServiceStatus> services(StatusResponse status) {
    return status == null || status.services() == null ? List.of() : status.services();
  }

  private static String summary(int total, List<String> down) {
    if (down.isEmpty()) {
      return "all " + total + " services UP";
    }
    return down.size() + " of " + total + " services DOWN: " + String.join(", ", down);
  }
}
