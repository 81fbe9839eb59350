package ai.clouvel.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.agent.ActionType;
import ai.clouvel.core.agent.AgentKind;
import ai.clouvel.server.ClouvelServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real page in headless Chromium: the promoter's link preselects its post for a commission, and
 * the admin area's agents panel, once signed in, shows the community agent's status, runs it (dry)
 * and shows its decisions, and filters them by agent.
 */
class AgentsPageBrowserTest {
  private static final String ADMIN = "admin-secret-page";

  @TempDir
  Path directory;

  @Test
  void thePromotersLinkPreselectsThePostAndThePanelShowsTheAgentsDecisions() throws Exception {
    String browser = Chromium.requiredBinary();

    Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", "sqlite:" + directory.resolve("page.db"),
        "WORKERS", "0", "SEED_DEMO", "false", "ADMIN_SECRET", ADMIN);
    Path profileRoot = Files.createTempDirectory("clouvel-chromium");
    try (ClouvelServer server = ClouvelServer.fromEnvironment(env).start();
         Chromium chromium = new Chromium(browser, profileRoot.resolve("profile"))) {
      String link = server.clouvel().promoter().commissionLink("1h1k01");
      chromium.navigate(server.baseUrl() + link.substring(link.indexOf("/commission?")));
      chromium.awaitText("document.getElementById('commission').elements.post_id.value", "1h1k01", 20);
      assertThat(chromium.evaluate("document.getElementById('commission').elements.commission_type.value"))
          .isEqualTo("specific_post");
      assertThat(chromium.evaluate("document.getElementById('commission').elements.amount_usd.value"))
          .isEqualTo("25.00");

      chromium.navigate(server.baseUrl() + "/admin");
      chromium.awaitText("location.pathname + ' ' + document.readyState", "/admin complete", 20);
      chromium.evaluate("document.getElementById('admin-secret').value = '" + ADMIN + "';"
          + " document.getElementById('signin-form').requestSubmit(); 'signed in'");
      String dryRun = "document.querySelector('[data-run=community][data-mode=dry]')";
      chromium.awaitText("String(" + dryRun + " !== null)", "true", 20);
      assertThat(chromium.evaluate("document.getElementById('agent-community').textContent"))
          .contains("Community agent", "disabled", "Scheduled runsdry run", "welcome 0/0 of 20");
      assertThat(chromium.evaluate("document.querySelector('#agent-community [name=name]').value")).isEqualTo("Clouvel");
      chromium.evaluate(dryRun + ".click(); 'clicked'");
      chromium.awaitText("document.getElementById('agents-table').tBodies[0].textContent", "t3_1cl001", 20);
      String table = chromium.evaluate("document.getElementById('agents-table').tBodies[0].textContent");
      assertThat(table).contains("community", "welcome", "dry_run (dry)", "the author says they are new here");
      var recorded = server.clouvel().store().agents().actions(new ai.clouvel.core.paging.PageRequest(50, 0), "community");
      assertThat(recorded.items()).allMatch(a -> a.dryRun());
      assertThat(chromium.evaluate("document.getElementById('agents-message').textContent"))
          .contains("community (dry run): ", " decision(s), ", " action(s)");

      // Filtered by agent: the promoter has done nothing yet.
      chromium.evaluate("document.getElementById('actions-agent').value = 'promoter';"
          + " document.getElementById('actions-filter').requestSubmit(); 'filtered'");
      chromium.awaitText("document.getElementById('actions-message').textContent", "0 recorded for promoter", 20);
      assertThat(chromium.evaluate("document.getElementById('agents-table').tBodies[0].rows.length")).isEqualTo("0");

      // The persona and the settings are saved from their forms; enabling shows at once.
      var agents = server.clouvel().store().agents();
      chromium.evaluate("const p = document.querySelector('#agent-community form.agent-persona');"
          + " p.elements.name.value = 'Pixel'; p.elements.system_prompt.value = 'You are Pixel, a cheerful painter.';"
          + " p.requestSubmit(); 'saved'");
      chromium.awaitText("document.getElementById('agents-message').textContent", "community: persona saved", 20);
      assertThat(agents.settings(AgentKind.COMMUNITY).persona().name()).isEqualTo("Pixel");
      chromium.evaluate("const c = document.querySelector('#agent-promoter form.agent-config');"
          + " c.elements.cap_promote.value = '2'; c.elements.deny_list.value = 'politics, news';"
          + " c.requestSubmit(); 'saved'");
      chromium.awaitText("document.getElementById('agents-message').textContent", "promoter: settings saved", 20);
      assertThat(agents.settings(AgentKind.PROMOTER).capOf(ActionType.PROMOTE)).isEqualTo(2);
      assertThat(agents.settings(AgentKind.PROMOTER).denyList()).containsExactlyInAnyOrder("politics", "news");
      chromium.evaluate("document.querySelector('#agent-community .actions button').click(); 'enabled'");
      chromium.awaitText("document.getElementById('agents-message').textContent", "community is enabled", 20);
      assertThat(agents.settings(AgentKind.COMMUNITY).enabled()).isTrue();
      assertThat(chromium.evaluate("document.getElementById('agent-community').textContent")).contains("Stateenabled");

      // A live run only after its confirmation; "Keep it" runs nothing.
      String live = "document.querySelector('[data-run=promoter][data-mode=live]')";
      chromium.evaluate(live + ".click(); 'asked'");
      chromium.awaitText("String(document.getElementById('confirm').open)", "true", 20);
      chromium.evaluate("document.getElementById('confirm-cancel').click(); 'kept'");
      chromium.awaitText("document.getElementById('agents-message').textContent", "Nothing was run", 20);
      assertThat(agents.actions(new ai.clouvel.core.paging.PageRequest(50, 0), "promoter").total()).isZero();
      chromium.evaluate(live + ".click(); 'asked'");
      chromium.awaitText("String(document.getElementById('confirm').open)", "true", 20);
      chromium.evaluate("document.getElementById('confirm-ok').click(); 'confirmed'");
      chromium.awaitText("document.getElementById('agents-message').textContent", "promoter (live): ", 20);
      assertThat(agents.actions(new ai.clouvel.core.paging.PageRequest(50, 0), "promoter").items())
          .isNotEmpty().noneMatch(a -> a.dryRun());

      // Signing out forgets the secret and empties the panels.
      chromium.evaluate("document.getElementById('signout').click(); 'out'");
      chromium.awaitText("document.getElementById('signin-message').textContent", "Signed out", 20);
      assertThat(chromium.evaluate("sessionStorage.getItem('clouvel.adminSecret') || 'none'")).isEqualTo("none");
      assertThat(chromium.evaluate("String(document.getElementById('admin-panels').hidden) + ' '"
          + " + document.getElementById('agents-table').tBodies[0].rows.length + ' '"
          + " + document.getElementById('agent-cards').children.length")).isEqualTo("true 0 0");
    } finally {
      Chromium.deleteProfile(profileRoot);
    }
  }


}
