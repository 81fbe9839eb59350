package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.store.DatabaseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
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

  private Pools pools;

  @BeforeEach
  void open() {
    pools = Pools.open(DatabaseUrl.sqlite(directory.resolve("plan.db")), null, null, 2, 1, Duration.ofSeconds(5),
        Duration.ofSeconds(5), null);
  }

  @AfterEach
  void close() {
    pools.close();
  }

  @Test
  void recentDonationsPageThroughTheIndexOfSucceededDonations() {
    assertThat(plan(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.RECENT).bind("limit", 20)
        .bind("offset", 40)))
        .contains("SEARCH d USING INDEX donations_status_newest (status=?)")
        .contains("SEARCH p USING INDEX products_by_post (post_id=?)")
        .doesNotContain("TEMP B-TREE")
        .doesNotContainPattern("SCAN (d|p)\\b");
    assertThat(plan(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.COUNT_SUCCEEDED)))
        .containsPattern("USING COVERING INDEX donations_(status_newest|donor_board) \\(status=\\?\\)");
  }

  @Test
  void theDonorLeaderboardReadsTheIndexOfNamedDonorsAlone() {
    assertThat(plan(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.BY_DONOR).bind("limit", 20)
        .bind("offset", 0)))
        .contains("SEARCH donations USING COVERING INDEX donations_donor_board (status=? AND is_anonymous=?)")
        // Grouped in index order; only the page's order by total needs sorting.
        .doesNotContain("USE TEMP B-TREE FOR GROUP BY");
    assertThat(plan(h -> h.createQuery("EXPLAIN QUERY PLAN " + FundraisingReads.COUNT_DONORS)))
        .contains("USING COVERING INDEX donations_donor_board (status=? AND is_anonymous=?)")
        .doesNotContain("USE TEMP B-TREE FOR GROUP BY");
  }

  private String plan(Function<Handle, Query> query) {
    return pools.reader().withHandle(h -> String.join("\n",
        query.apply(h).map((rs, ctx) -> rs.getString("detail")).list()));
  }
}
