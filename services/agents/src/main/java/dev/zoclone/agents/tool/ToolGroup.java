package dev.zoclone.agents.tool;

import java.util.List;

/** A bean that contributes several tools of one group, such as the automation tools. */
public interface ToolGroup {

  /** The tools this group contributes. */
  List<Tool> tools();
}
