package ai.clouvel.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {
  @Test
  void aPageHasASkipLinkTheNavigationWithItsSectionMarkedAndItsScriptsInOrder() {
    String html = Layout.page("Gallery", "/", "<meta name=\"x\" content=\"y\">", "<main id=\"main\">hi</main>", false,
        List.of("/assets/site.js", "/assets/app.js"));

    assertThat(html).startsWith("<!doctype html>").contains("<html lang=\"en\">", "<title>Gallery - Clouvel</title>",
        "<meta name=\"x\" content=\"y\">", "<a class=\"skip\" href=\"#main\">", "<nav aria-label=\"Main\">",
        "<a href=\"/\" aria-current=\"page\">Gallery</a>", "<main id=\"main\">hi</main>");
    assertThat(html.indexOf("<script src=\"/assets/site.js\">")).isPositive().isLessThan(html.indexOf("<script src=\"/assets/app.js\">"));
    assertThat(html).doesNotContain("DEMO MODE");
  }

  @Test
  void theTitleIsEscapedTheBannerShowsInDemoModeAndNoSectionIsCurrentOnOtherPages() {
    String html = Layout.page("<b>x</b>", null, "", "<main id=\"main\"></main>", true, List.of());

    assertThat(html).contains("<title>&lt;b&gt;x&lt;/b&gt; - Clouvel</title>", "DEMO MODE")
        .doesNotContain("aria-current", "<script");
  }
}
