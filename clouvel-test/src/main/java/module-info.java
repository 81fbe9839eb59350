/**
 * Clouvel's test kit: fakes and recorders of every port, fake OpenAI, Reddit and Stripe APIs for
 * MockWebServer, a Stripe webhook signer, builders and assertions for donations and tasks, and the
 * store contract suites. Start with {@link ai.clouvel.test.fakes} or
 * {@link ai.clouvel.test.store.ClouvelStoreContract}.
 */
// okio ships as an automatic module.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module ai.clouvel.test {
  requires java.desktop;
  requires transitive ai.clouvel.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires transitive mockwebserver3;
  requires transitive okhttp3;
  requires okio;

  exports ai.clouvel.test.assertions;
  exports ai.clouvel.test.data;
  exports ai.clouvel.test.fakes;
  exports ai.clouvel.test.openai;
  exports ai.clouvel.test.reddit;
  exports ai.clouvel.test.store;
  exports ai.clouvel.test.stripe;
  exports ai.clouvel.test.time;

  // JUnit finds and runs the contract suites' test methods by reflection.
  opens ai.clouvel.test.store to org.junit.platform.commons;
}
