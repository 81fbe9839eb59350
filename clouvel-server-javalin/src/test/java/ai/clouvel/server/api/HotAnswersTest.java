package ai.clouvel.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.clouvel.core.content.Post;
import ai.clouvel.core.donation.CommissionType;
import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.donation.DonationType;
import ai.clouvel.core.donation.ProductDonations;
import ai.clouvel.core.idea.ProductIdea;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageQuality;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.paging.Page;
import ai.clouvel.core.product.GalleryItem;
import ai.clouvel.core.product.Product;
import ai.clouvel.core.product.ProductLinks;
import ai.clouvel.server.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hot answers, written from the store's values, are byte for byte what Moshi writes for the
 * {@link ApiModels} records made from the same values: over every enum constant, awkward texts,
 * nulls where the values allow them, amounts and times at their edges, and random values.
 */
class HotAnswersTest {
  private static final String AWKWARD = "Say \"hi\" \\ to\tthe\nworld\r\b\f\u0001\u001f \u2028\u2029 café 日本 😀 <a&b>=";
  private static final String[] TEXTS = {"", "plain", AWKWARD, "€ and ™", "lone \uD800 surrogate", "x".repeat(5_000)};
  private static final long[] CENTS = {0, 1, 5, 10, 99, 100, 101, 2500, 123_456_789, Long.MAX_VALUE, -1, -5, -99,
      -100, -1050, Long.MIN_VALUE, Long.MIN_VALUE + 1};
  private static final Instant[] TIMES = {Instant.EPOCH, Instant.parse("2026-11-24T12:00:00.120Z"),
      Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("0000-01-01T00:00:00Z"),
      Instant.parse("9999-12-31T23:59:59.000001Z"), Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z")};

  private final Json json = new Json();
  private final SplittableRandom random = new SplittableRandom(2026);

  HotAnswersTest() {
    FastJson.register(json);
    HotAnswers.register(json);
  }

  @Test
  void aGalleryPageAndAProductAreWrittenAsMoshiWritesTheirRecords() {
    for (String base : List.of("http://localhost:8080", "https://clouvel.example/shop \"quoted\"")) {
      for (int round = 0; round < 40; round++) {
        List<GalleryItem> items = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(25); i++) {
          items.add(galleryItem());
        }
        Page<GalleryItem> page = new Page<>(items, random.nextLong(items.size(), Long.MAX_VALUE),
            1 + random.nextInt(100), random.nextInt(Integer.MAX_VALUE));

        assertSameAsMoshi(new HotAnswers.GalleryPage(page, base),
            ApiModels.PageJson.of(page, item -> ApiModels.ProductJson.of(item, base)));
        GalleryItem one = items.get(0);
        assertSameAsMoshi(new HotAnswers.OneProduct(one, base), ApiModels.ProductJson.of(one, base));
      }
    }
    Page<GalleryItem> empty = new Page<>(List.of(), 0, 20, 0);
    assertSameAsMoshi(new HotAnswers.GalleryPage(empty, ""), ApiModels.PageJson.of(empty,
        item -> ApiModels.ProductJson.of(item, "")));
  }

  @Test
  void bulkDonationsAreWrittenAsMoshiWritesTheirRecords() {
    for (int round = 0; round < 60; round++) {
      List<ProductDonations> items = new ArrayList<>();
      for (int i = 0; i < random.nextInt(25); i++) {
        List<DonationSummary> supports = new ArrayList<>();
        for (int s = 0; s < random.nextInt(12); s++) {
          supports.add(donation());
        }
        items.add(new ProductDonations(random.nextLong(1, Long.MAX_VALUE), random.nextBoolean() ? text() : null,
            random.nextBoolean() ? donation() : null, supports, supports.size() + random.nextLong(0, 1_000),
            Money.ofCents(cents())));
      }

      assertSameAsMoshi(new HotAnswers.BulkDonations(items),
          ApiModels.ItemsJson.of(items.stream().map(ApiModels.ProductDonationsJson::of).toList()));
    }
  }

  @Test
  void everyEnumConstantIsWrittenUnderItsWireName() {
    List<DonationSummary> supports = new ArrayList<>();
    for (DonationType type : DonationType.values()) {
      for (DonationStatus status : DonationStatus.values()) {
        for (CommissionType commissionType : CommissionType.values()) {
          supports.add(new DonationSummary(1, Money.ofCents(1), "gold", type, commissionType, status, "Dana", null, "",
              null, null, Instant.EPOCH));
        }
      }
    }
    List<ProductDonations> items = List.of(new ProductDonations(1, "p", null, supports, Money.ofCents(0)));
    assertSameAsMoshi(new HotAnswers.BulkDonations(items),
        ApiModels.ItemsJson.of(items.stream().map(ApiModels.ProductDonationsJson::of).toList()));
    String written = new String(json.writeBytes(new HotAnswers.BulkDonations(items)), StandardCharsets.UTF_8);
    for (CommissionType type : CommissionType.values()) {
      assertThat(written).contains("\"commission_type\":\"" + type.wireName() + "\"");
    }
  }

  private GalleryItem galleryItem() {
    Product product = new Product(random.nextLong(1, Long.MAX_VALUE), word(), word(), word(),
        new ProductIdea(word(), word(), word()),
        new HostedImage("abc", random.nextBoolean() ? "/images/abc.png" : "https://i.imgur.com/" + word()),
        new ProductLinks(random.nextBoolean() ? "/checkout/1" : "https://www.zazzle.com/api/create?x=" + word(),
            random.nextBoolean() ? "/a/1" : "https://z/" + word(), word()),
        word(), word(), word(), pick(ImageQuality.values()), time());
    Post post = random.nextInt(4) == 0 ? null : new Post(word(), word(), word(), text(), text(),
        random.nextBoolean() ? null : text(), random.nextInt(), random.nextInt(), time(), false, false, false, false);
    return new GalleryItem(product, post, random.nextBoolean() ? donation() : null, random.nextLong(0, Long.MAX_VALUE),
        Money.ofCents(cents()));
  }

  private DonationSummary donation() {
    return new DonationSummary(random.nextLong(), Money.ofCents(cents()), random.nextBoolean() ? text() : null,
        pick(DonationType.values()), random.nextBoolean() ? null : pick(CommissionType.values()),
        pick(DonationStatus.values()), text(), random.nextBoolean() ? null : text(), text(),
        random.nextBoolean() ? null : text(), random.nextBoolean() ? null : text(), time());
  }

  private String text() {
    return random.nextInt(3) == 0 ? TEXTS[random.nextInt(TEXTS.length)] : "t" + random.nextInt(1_000);
  }

  /** A text that is not blank, for the values that must not be. */
  private String word() {
    String text = text();
    return text.isBlank() ? "w" + text : text;
  }

  private long cents() {
    return random.nextBoolean() ? CENTS[random.nextInt(CENTS.length)] : random.nextLong();
  }

  private Instant time() {
    return random.nextInt(3) == 0 ? TIMES[random.nextInt(TIMES.length)]
        : Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), random.nextInt(1_000_000_000));
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private void assertSameAsMoshi(Object answer, Object records) {
    String direct = new String(json.writeBytes(answer), StandardCharsets.UTF_8);
    String moshi = new String(json.moshiBytes(records), StandardCharsets.UTF_8);
    assertThat(direct).isEqualTo(moshi);
    assertThat(json.writeBytes(answer)).isEqualTo(json.moshiBytes(records));
  }
}
