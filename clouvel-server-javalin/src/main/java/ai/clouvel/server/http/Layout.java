package ai.clouvel.server.http;

import java.util.List;

/**
 * The frame every HTML page shares: head, skip link, demo banner, the site's navigation and the
 * page's scripts (files only: the CSP allows no inline script). Pages give their {@code <main>}.
 */
public final class Layout {
  /** One entry of the site's navigation. */
  private record NavItem(String path, String label) {
  }

  /** The site's sections, in the order the navigation shows them. */
  private static final List<NavItem> NAV = List.of(
      new NavItem("/", "Gallery"),
      new NavItem("/commission", "Commission"),
      new NavItem("/fundraising", "Fundraising"),
      new NavItem("/dashboard", "Dashboard"),
      new NavItem("/admin", "Admin"));

  private Layout() {
  }

  /**
   * Renders a whole page.
   *
   * @param title the page title, before " - Clouvel"
   * @param current the navigation path this page belongs to (marked {@code aria-current}), or {@code null}
   * @param head extra elements for {@code <head>} (already escaped), possibly empty
   * @param main the page's {@code <main id="main">} element and anything after it (already escaped)
   * @param demo whether to show the demo-mode banner
   * @param scripts the script paths to load at the end of the body, in order
   * @return the HTML document
   */
  public static String page(String title, String current, String head, String main, boolean demo, List<String> scripts) {
    StringBuilder html = new StringBuilder(main.length() + 2048);
    html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape(title)).append(" - Clouvel</title>\n");
    if (!head.isEmpty()) {
      html.append(head).append('\n');
    }
    html.append("<link rel=\"stylesheet\" href=\"/assets/app.css\"></head>\n<body class=\"page\">")
        .append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
    if (demo) {
      html.append("<div class=\"banner\" role=\"note\">DEMO MODE - offline providers and a local checkout page;"
          + " no real payments</div>\n");
    }
    html.append("<header class=\"site\"><a class=\"brand\" href=\"/\">Clouvel</a>\n<nav aria-label=\"Main\"><ul>");
    for (NavItem item : NAV) {
      html.append("<li><a href=\"").append(item.path()).append('"')
          .append(item.path().equals(current) ? " aria-current=\"page\"" : "")
          .append('>').append(Html.escape(item.label())).append("</a></li>");
    }
    html.append("</ul></nav></header>\n").append(main).append('\n');
    for (String script : scripts) {
      html.append("<script src=\"").append(Html.escape(script)).append("\"></script>\n");
    }
    return html.append("</body></html>\n").toString();
  }
}
