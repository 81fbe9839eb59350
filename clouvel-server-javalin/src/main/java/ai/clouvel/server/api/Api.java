package ai.clouvel.server.api;

import io.javalin.router.JavalinDefaultRoutingApi;

/** Registers every route of the reference server. */
public final class Api {
  private Api() {
  }

  /**
   * Registers the HTTP routes.
   *
   * @param routes where to register
   * @param server what the handlers share
   */
  public static void register(JavalinDefaultRoutingApi routes, ServerContext server) {
    FastJson.register(server.json());
    HotAnswers.register(server.json());
    ProductsApi products = new ProductsApi(server);
    CommissionsApi commissions = new CommissionsApi(server);
    new StatusApi(server).register(routes);
    products.register(routes);
    commissions.register(routes);
    new FundraisingApi(server).register(routes);
    new DonationsApi(server, commissions).register(routes);
    new TasksApi(server).register(routes);
    new AdminApi(server).register(routes);
    new AgentsApi(server).register(routes);
    new SubredditsApi(server).register(routes);
    new PagesApi(server, products).register(routes);
  }
}
