package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.agent.AgentAction;
import ai.clouvel.core.offline.OfflineCommunityPublisher;
import ai.clouvel.core.paging.PageRequest;
import ai.clouvel.core.pipeline.PipelineRequest;
import ai.clouvel.core.pipeline.PostSelection;
import ai.clouvel.core.pipeline.ProgressListener;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.task.TaskStatus;
import ai.clouvel.server.ClouvelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing from the admin area in headless Chromium (demo mode: the offline Reddit account keeps
 * what it posts). The dry run shows what would be posted and posts nothing; the live publish asks
 * for confirmation, then posts; publishing again answers {@code already_published} and posts
 * nothing more. The scheduler panel's "run now" queues a task that the tasks panel lists.
 */
class AdminPublishBrowserTest {
  private static final String ADMIN = "admin-secret-publish";

  @TempDir
  Path directory;

  @Test
  void aDryRunPreviewsAndPostsNothingThenALivePublishHappensOnce() throws Exception {
    String browser = Chromium.requiredBinary();

    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("publish.db"),
        "WORKERS", "0", "SEED_DEMO", "false", "ADMIN_SECRET", ADMIN);
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start();
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      Product product = server.clouvel().pipeline().run(PipelineRequest.of(PostSelection.fromSubreddit("cats")),
          ProgressListener.none()).product();
      OfflineCommunityPublisher reddit = (OfflineCommunityPublisher) server.clouvel().community().publisher().orElseThrow();

      chromium.navigate(server.baseUrl() + "/admin");
      chromium.awaitText("location.pathname + ' ' + document.readyState", "/admin complete", 20);
      chromium.evaluate("document.getElementById('admin-secret').value = '" + ADMIN + "';"
          + " document.getElementById('signin-form').requestSubmit(); 'signed in'");
      chromium.awaitText("String(document.getElementById('admin-panels').hidden)", "false", 20);
      chromium.awaitText("Array.from(document.querySelectorAll('#product-list option')).map(o => o.value).join(',')",
          String.valueOf(product.id()), 20);

      // Dry run (the form's default): the preview shows the text, and nothing is posted.
      chromium.evaluate("document.getElementById('publish-product').value = '" + product.id() + "';"
          + " document.getElementById('publish-target').value = 'post';"
          + " document.getElementById('publish-form').requestSubmit(); 'previewed'");
      chromium.awaitText("document.getElementById('publish-result').textContent", "Dry run: nothing was posted", 20);
      List<AgentAction> recorded = actions(server);
      assertThat(recorded).hasSize(1);
      AgentAction dry = recorded.get(0);
      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.outcome()).isEqualTo("dry_run");
      assertThat(dry.content()).isNotBlank();
      assertThat(chromium.evaluate("document.querySelector('#publish-result .preview').textContent"))
          .isEqualTo(dry.content());
      assertThat(chromium.evaluate("document.getElementById('publish-result').textContent")).contains("posted as a post in r/clouvel:");
      assertThat(reddit.posted()).as("a dry run posts nothing").isEmpty();

      // Live, after the confirmation: posted once, with the Reddit id shown.
      chromium.evaluate("document.getElementById('publish-live').click(); 'asked'");
      chromium.awaitText("String(document.getElementById('confirm').open)", "true", 20);
      assertThat(chromium.evaluate("document.getElementById('confirm-text').textContent")).contains("posts for real");
      chromium.evaluate("document.getElementById('confirm-ok').click(); 'confirmed'");
      chromium.awaitText("document.getElementById('publish-result').textContent", "Published as a post in r/clouvel", 20);
      assertThat(reddit.posted()).extracting(OfflineCommunityPublisher.Posted::kind).containsExactly("image", "reply");
      String redditId = reddit.posted().get(0).id();
      assertThat(chromium.evaluate("document.getElementById('publish-result').textContent"))
          .contains("Reddit id " + redditId + " (done)");

      // Again: the idempotent answer, and nothing new on Reddit.
      chromium.evaluate("document.getElementById('publish-live').click(); 'asked'");
      chromium.awaitText("String(document.getElementById('confirm').open)", "true", 20);
      chromium.evaluate("document.getElementById('confirm-ok').click(); 'confirmed'");
      chromium.awaitText("document.getElementById('publish-result').textContent", "Already published", 20);
      assertThat(chromium.evaluate("document.getElementById('publish-result').textContent"))
          .contains("nothing new was posted", redditId);
      assertThat(reddit.posted()).hasSize(2);
      assertThat(actions(server)).extracting(AgentAction::outcome).containsExactly("duplicate", "done", "dry_run");

      // The scheduler's "run now" queues a task, shown in the tasks panel.
      chromium.evaluate("document.getElementById('scheduler-run').click(); 'run'");
      chromium.awaitText("document.getElementById('scheduler-message').textContent", "queued", 20);
      String message = chromium.evaluate("document.getElementById('scheduler-message').textContent");
      String taskId = message.substring("Task ".length(), message.indexOf(' ', "Task ".length()));
      assertThat(server.clouvel().store().tasks().find(taskId)).isPresent();
      chromium.awaitText("document.getElementById('tasks-table').tBodies[0].textContent", taskId, 20);
      assertThat(chromium.evaluate("document.querySelector('tr[data-task=\"" + taskId + "\"] .refund-state').textContent"))
          .as("a scheduled commission moves no money").isEqualTo("no payment");
      assertThat(chromium.evaluate("document.getElementById('tasks-message').textContent")).isEmpty();

      // Cancelled (after confirming), then retried: an unpaid commission may be made again.
      String row = "document.querySelector('tr[data-task=\"" + taskId + "\"]')";
      chromium.evaluate(row + ".querySelector('[data-cancel]').click(); 'asked'");
      chromium.awaitText("String(document.getElementById('confirm').open)", "true", 20);
      chromium.evaluate("document.getElementById('confirm-ok').click(); 'confirmed'");
      chromium.awaitText(row + ".querySelector('.task-status').textContent", "cancelled", 20);
      assertThat(server.clouvel().store().tasks().find(taskId).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
      chromium.evaluate(row + ".querySelector('[data-retry]').click(); 'retried'");
      chromium.awaitText("document.getElementById('tasks-message').textContent", taskId + " is queued again", 20);
      assertThat(chromium.evaluate(row + ".querySelector('.task-status').textContent")).isEqualTo("queued");
      assertThat(server.clouvel().store().tasks().find(taskId).orElseThrow().status()).isEqualTo(TaskStatus.PENDING);

      // The scheduler's settings are saved and shown as the server answered them.
      chromium.evaluate("const f = document.getElementById('scheduler-form'); f.elements.enabled.checked = true;"
          + " f.elements.interval_minutes.value = '90'; f.elements.commission_type.value = 'random_subreddit';"
          + " f.elements.subreddit.value = 'r/space'; f.requestSubmit(); 'saved'");
      chromium.awaitText("document.getElementById('scheduler-message').textContent", "Saved: enabled", 20);
      var schedule = server.clouvel().commissions().schedule();
      assertThat(schedule.enabled()).isTrue();
      assertThat(schedule.interval().toMinutes()).isEqualTo(90);
      assertThat(schedule.subreddit()).isEqualTo("space");
      assertThat(chromium.evaluate("document.getElementById('scheduler-status').textContent"))
          .contains("Stateenabled", "Every90 min", "random post in r/space");

      // A goal.
      chromium.evaluate("const g = document.getElementById('goal-form'); g.elements.title.value = 'New boots';"
          + " g.elements.target_usd.value = '100.00'; g.elements.days.value = '30'; g.requestSubmit(); 'created'");
      chromium.awaitText("document.getElementById('goal-message').textContent", "Goal \"New boots\" created", 20);
      assertThat(server.clouvel().store().goals().active(server.clouvel().clock().instant()))
          .extracting(goal -> goal.title() + " " + goal.target().toUsdString()).containsExactly("New boots 100.00");

      // Signed in, with every panel filled: nothing scrolls sideways on a 390 px phone (tables
      // scroll in their own box), and every control has a label.
      chromium.viewport(390, 844);
      chromium.awaitText("String(document.documentElement.scrollWidth <= Math.min(window.innerWidth, screen.width) + 1)"
          + " + ' ' + document.documentElement.scrollWidth", "true", 10);
      assertThat(chromium.evaluate("[...document.querySelectorAll('#main input, #main select, #main textarea')]"
          + ".filter(c => !(c.labels && c.labels.length)).map(c => c.name || c.id).join(',')")).isEmpty();
      chromium.viewport(1280, 900);
      chromium.screenshot(Path.of("target", "screenshots", "admin-signed-in.png"));
    } finally {
      Chromium.deleteProfile(profileRoot);
    }
  }

  private static List<AgentAction> actions(ClouvelServer server) {
    return server.clouvel().store().agents().actions(new PageRequest(50, 0), null).items();
  }
}
