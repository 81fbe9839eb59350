package ai.clouvel.core.agent;

import java.util.List;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.paging.PageRequest;

/** Stores what the agents scanned and did. */
public interface AgentRepository {

  /**
   * Records a scanned post, replacing an earlier verdict on it.
   *
   * @param post the scan
   */
  void recordScan(ScannedPost post);

  /**
   * Lists the best candidates found by scans, best first.
   *
   * @param limit at most this many
   * @return scanned posts whose verdict is {@code "candidate"} and that have no product yet
   */
  List<ScannedPost> candidates(int limit);

  /**
   * Records an action.
   *
   * @param agent which agent
   * @param action what
   * @param target on what
   * @param content the text
   * @param dryRun whether it was a rehearsal
   * @param outcome what happened
   * @return the stored action
   */
  AgentAction recordAction(String agent, String action, String target, String content, boolean dryRun,
      String outcome);

  /**
   * Lists actions, newest first.
   *
   * @param page which page
   * @return the page
   */
  Page<AgentAction> actions(PageRequest page);
}
