/**
 * The live providers: Reddit (JRAW) as content source and community publisher, OpenAI for ideas,
 * summaries and images, Imgur as image host, Zazzle as product publisher and the QR stamp. Start
 * with {@link ai.clouvel.agents.LiveProviders#fromEnvironment}.
 */
// OkHttp, Moshi, ZXing, JRAW and okio ship as automatic modules; JRAW's fork has no module name
// of its own, so it is known by its file name, lib.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module ai.clouvel.agents {
  requires java.desktop;
  requires transitive ai.clouvel.core;
  requires transitive okhttp3;
  requires com.squareup.moshi;
  requires com.google.zxing;
  requires lib;
  requires kotlin.stdlib;
  requires okio;
  requires org.slf4j;

  exports ai.clouvel.agents;
  exports ai.clouvel.agents.http;
  exports ai.clouvel.agents.imgur;
  exports ai.clouvel.agents.openai;
  exports ai.clouvel.agents.qr;
  exports ai.clouvel.agents.reddit;
  exports ai.clouvel.agents.zazzle;

  // Moshi reads and writes the JSON records of these packages by reflection.
  opens ai.clouvel.agents.imgur to com.squareup.moshi;
  opens ai.clouvel.agents.openai.internal to com.squareup.moshi;
}
