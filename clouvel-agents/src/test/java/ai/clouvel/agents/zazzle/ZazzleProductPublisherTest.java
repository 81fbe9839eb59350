package ai.clouvel.agents.zazzle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.core.product.PublishRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZazzleProductPublisherTest {
  private final Post post = new Post("abc123", "hiking", "A long enough title", "", "x", null, 1, 1,
      Instant.parse("2026-11-24T12:00:00Z"), false, false, false, false);
  private final ProductIdea idea = new ProductIdea("Theme", "Title", "Description");

  private PublishRequest request(String imageUrl, String template) {
    return new PublishRequest(7, post, idea, new HostedImage("img", imageUrl), template);
  }

  @Test
  void buildsTheCreateAProductLinkExactly() {
    ProductLinks links = new ZazzleProductPublisher("238123456789012345")
        .publish(request("https://clouvel.example/images/ab cd.png?v=1&x=é", "print"));
    assertThat(links.productUrl()).isEqualTo("https://www.zazzle.com/api/create/at-238123456789012345"
        + "?ax=linkover&pd=256344169523425346&fwd=productpage&ed=true"
        + "&t_image1_url=https%3A%2F%2Fclouvel.example%2Fimages%2Fab%20cd.png%3Fv%3D1%26x%3D%C3%A9"
        + "&tc=Clouvel-0");
    assertThat(links.affiliateUrl()).isEqualTo(links.productUrl() + "&rf=238123456789012345");
    assertThat(links.templateId()).isEqualTo("256344169523425346");
  }

  @Test
  void templatesComeFromTheRegistry() {
    ZazzleProductPublisher publisher = new ZazzleProductPublisher("238123456789012345", "Gallery-7",
        ZazzleTemplates.defaults().with(new ZazzleTemplate("mug", "Mug", "168739066664861503")));
    assertThat(publisher.publish(request("https://x.test/a.png", "sticker")).productUrl())
        .contains("pd=256577895504131235").endsWith("&tc=Gallery-7");
    assertThat(publisher.publish(request("https://x.test/a.png", "MUG")).templateId()).isEqualTo("168739066664861503");
    assertThat(publisher.publish(request("https://x.test/a.png", "")).templateId()).isEqualTo("256344169523425346");
    assertThat(publisher.publish(request("https://x.test/a.png", "123456789012345678")).templateId())
        .isEqualTo("123456789012345678");
    assertThatThrownBy(() -> publisher.publish(request("https://x.test/a.png", "hoodie")))
        .hasMessageContaining("unknown Zazzle template hoodie");
  }

  @Test
  void explainsMissingAffiliateIdsAndNonHttpImages() {
    assertThatThrownBy(() -> new ZazzleProductPublisher(" ")).hasMessageContaining("ZAZZLE_AFFILIATE_ID");
    assertThatThrownBy(() -> new ZazzleProductPublisher(null)).hasMessageContaining("ZAZZLE_AFFILIATE_ID");
    ZazzleProductPublisher publisher = new ZazzleProductPublisher("238123456789012345");
    assertThatThrownBy(() -> publisher.publish(request("file:///tmp/a.png", "print")))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> publisher.publish(request("data:image/png;base64,AAA", "print")))
        .hasMessageContaining("http(s)");
  }

  @Test
  void percentEncodingKeepsOnlyUnreservedCharacters() {
    assertThat(ZazzleProductPublisher.percentEncode("AZaz09-._~ :/?#[]@!$&'()*+,;=%"))
        .isEqualTo("AZaz09-._~%20%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25");
  }
}
