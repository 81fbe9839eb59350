/**
 * Clouvel core: the domain, the ports, the pipeline, the commission engine and offline
 * implementations of every port. Start with {@link ai.clouvel.core.Clouvel#builder()}.
 *
 * <p>Exported packages are the API. The engines behind {@code ProductPipeline} and
 * {@code Commissions} live in {@code internal} packages that are not exported.
 */
module ai.clouvel.core {
  requires org.slf4j;
  requires java.desktop;

  exports ai.clouvel.core;
  exports ai.clouvel.core.agent;
  exports ai.clouvel.core.commission;
  exports ai.clouvel.core.content;
  exports ai.clouvel.core.donation;
  exports ai.clouvel.core.event;
  exports ai.clouvel.core.idea;
  exports ai.clouvel.core.image;
  exports ai.clouvel.core.money;
  exports ai.clouvel.core.offline;
  exports ai.clouvel.core.paging;
  exports ai.clouvel.core.payment;
  exports ai.clouvel.core.pipeline;
  exports ai.clouvel.core.product;
  exports ai.clouvel.core.progress;
  exports ai.clouvel.core.provider;
  exports ai.clouvel.core.schedule;
  exports ai.clouvel.core.store;
  exports ai.clouvel.core.task;
  exports ai.clouvel.core.time;
  exports ai.clouvel.core.usage;
}
