package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fundraising page's reads go by index on SQLite, even with no statistics: recent donations
 * page through the index of succeeded donations, and the donor leaderboard is summed from the
 * index of named donors alone (no donation row, so no email, is read).
 */
class FundraisingPlanTest {
  @TempDir
  Path directory;

  private SqlitePlans plans;

  @BeforeEach
  void open() {
    plans = new SqlitePlans(directory);
  }

  @AfterEach
  void close() {
    plans.close();
  }

  @Test
  void recentDonationsPageThroughTheIndexOfSucceededDonations() {
    assertThat(plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.RECENT).define("limit", ":limit").bind("limit", 20)
        .define("offset", ":offset").bind("offset", 40)))
        .contains("SEARCH d USING INDEX donations_status_newest (status=?)")
        .contains("SEARCH p USING INDEX products_by_post (post_id=?)")
        .doesNotContain("TEMP B-TREE")
        .doesNotContainPattern("SCAN (d|p)\\b");
    assertThat(plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.COUNT_SUCCEEDED)))
        .containsPattern("USING COVERING INDEX donations_(status_newest|donor_board) \\(status=\\?\\)");
  }

  @Test
  void theDonorLeaderboardReadsTheIndexOfNamedDonorsAlone() {
    assertThat(plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.BY_DONOR).define("limit", ":limit").bind("limit", 20)
        .define("offset", ":offset").bind("offset", 0)))
        .contains("SEARCH donations USING COVERING INDEX donations_donor_board (status=? AND is_anonymous=?)")
        // Grouped in index order; only the page's order by total needs sorting.
        .doesNotContain("USE TEMP B-TREE FOR GROUP BY");
    assertThat(plans.of(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.COUNT_DONORS)))
        .contains("USING COVERING INDEX donations_donor_board (status=? AND is_anonymous=?)")
        .doesNotContain("USE TEMP B-TREE FOR GROUP BY");
  }

}
