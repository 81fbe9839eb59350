package ai.clouvel.core;

import ai.clouvel.core.agent.AgentSchedule;
import ai.clouvel.core.agent.CommunityAgent;
import ai.clouvel.core.agent.CommunityPublisher;
import ai.clouvel.core.agent.PromoterAgent;
import ai.clouvel.core.agent.ScannerAgent;
import ai.clouvel.core.commission.CommissionSettings;
import ai.clouvel.core.commission.Commissions;
import ai.clouvel.core.commission.internal.CommissionEngine;
import ai.clouvel.core.offline.OfflineCommunityPublisher;
import ai.clouvel.core.offline.SampleContentSource;
import ai.clouvel.core.payment.PaymentGateway;
import ai.clouvel.core.store.ClouvelStore;

/**
 * A {@link Clouvel} on a durable {@link ClouvelStore}: besides the pipeline it has commissions
 * (payments, tasks, workers, refunds) and the agents, which all need donations, tasks and agent
 * records that outlive the process. Build one with {@link Clouvel.Builder#build(ClouvelStore)}:
 *
 * <pre>{@code
 * try (SqlStore store = SqlStore.builder().databaseUrl(DatabaseUrl.sqlite(path)).build();
 *      DurableClouvel clouvel = Clouvel.builder().build(store)) {
 *   clouvel.commissions().startWorkers();
 *   ...
 * }
 * }</pre>
 */
public final class DurableClouvel extends Clouvel {
  private final ClouvelStore store;
  private final PaymentGateway paymentGateway;
  private final CommissionEngine commissions;
  private final ScannerAgent scanner;
  private final CommunityAgent community;
  private final PromoterAgent promoter;
  private final AgentSchedule agentSchedule;

  DurableClouvel(Builder builder, ClouvelStore store, PaymentGateway gateway, CommissionSettings settings) {
    super(builder, store);
    this.store = store;
    this.paymentGateway = gateway;
    this.commissions = new CommissionEngine(store, gateway, pipelineEngine(), content(), commissionRules(),
        postFilter(), settings, events(), ticker(), clock(), sleeper());
    this.scanner = new ScannerAgent(content(), store.agents(), store.posts(), postFilter(), clock());
    CommunityPublisher publisher = communityPublisher()
        .orElse(content() instanceof SampleContentSource ? new OfflineCommunityPublisher() : null);
    this.community = new CommunityAgent(store.agents(), content(), store.products(), decisionMaker(), publisher,
        publicBaseUrl(), clock());
    this.promoter = new PromoterAgent(store.agents(), content(), store.posts(), postFilter(), decisionMaker(),
        publisher, publicBaseUrl(), clock());
    this.agentSchedule = new AgentSchedule(store.agents(), community, promoter, clock(),
        "node-" + java.util.UUID.randomUUID());
  }

  /**
   * Returns the commissions: validation, checkout, webhooks, manual commissions, cancel and
   * retry, workers and the schedule.
   *
   * @return the commissions of this instance
   */
  public Commissions commissions() {
    return commissions;
  }

  /**
   * Returns the store everything is kept in.
   *
   * @return the store given to {@link Clouvel.Builder#build(ClouvelStore)}
   */
  public ClouvelStore store() {
    return store;
  }

  /**
   * Returns the payment gateway commissions are paid through.
   *
   * @return the gateway; the demo gateway unless another was given
   */
  public PaymentGateway paymentGateway() {
    return paymentGateway;
  }

  /**
   * Returns the agent that scores posts worth a product, with this instance's post filter.
   *
   * @return the scanner
   */
  public ScannerAgent scanner() {
    return scanner;
  }

  /**
   * Returns the agent that finds posts worth a product in other subreddits and offers to make one.
   *
   * @return the promoter agent
   */
  public PromoterAgent promoter() {
    return promoter;
  }

  /**
   * Returns the schedule of the community and promoter agents: {@code runDue()}, {@code runNow},
   * and {@code start} for a loop that runs each enabled agent once per interval across all nodes.
   *
   * @return the schedule; not started until {@code start} is called
   */
  public AgentSchedule agents() {
    return agentSchedule;
  }

  /**
   * Returns the agent that takes part in the community with a persona and announces products,
   * through the {@link #communityPublisher() community publisher} when one is set.
   *
   * @return the community agent
   */
  public CommunityAgent community() {
    return community;
  }

  /** Stops the workers, then the threads this instance owns. The store stays open. */
  @Override
  public void close() {
    agentSchedule.close();
    commissions.close();
    super.close();
  }
}
