package ai.clouvel.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.clouvel.core.donation.DonationStatus;
import ai.clouvel.core.donation.DonationSummary;
import ai.clouvel.core.money.Money;
import ai.clouvel.core.product.GalleryItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Packed cards and lists that this version did not write are refused as a whole, never read as a
 * wrong value: a wrong version or header, a length that does not add up, a number that is not one,
 * a null where the column never holds one, a value the records refuse.
 */
class PackedValuesTest {
  /** A card as the database packs it: the product (17), its post (13), its commission (13). */
  private static String[] card() {
    return new String[] {
        "7", "p1", "cats", "A title, with; commas", "Theme", "Title", "Description", "img7", "/images/img7.png",
        "/p/7", "/p/7?rf=1", "256", "v1", "gpt", "dall-e", "standard", "1700000000000",
        "p1", "cats", "A title", "Body\nline", "author", "/r/cats/p1", "-12", "3", "1699990000000", "1", "0", "0", "0",
        "41", "2500", null, "commission", "random_subreddit", "succeeded", "Bea", null, "0", "Make it 😀", "cats", "p1",
        "1699995000000"};
  }

  private static byte[] pack(String... values) {
    StringBuilder header = new StringBuilder("1");
    StringBuilder texts = new StringBuilder();
    for (String value : values) {
      header.append(',').append(value == null ? -1 : value.getBytes(StandardCharsets.UTF_8).length);
      texts.append(value == null ? "" : value);
    }
    return (header + ";" + texts).getBytes(StandardCharsets.UTF_8);
  }

  private static String[] with(int index, String value) {
    String[] values = card();
    values[index] = value;
    return values;
  }

  @Test
  void aCardAsTheDatabasePacksItIsReadWhole() {
    GalleryItem item = GalleryCards.item(pack(card()), 4, Money.ofCents(900));
    assertThat(item.product().id()).isEqualTo(7);
    assertThat(item.product().postTitle()).isEqualTo("A title, with; commas");
    assertThat(item.post().score()).isEqualTo(-12);
    assertThat(item.post().text()).isEqualTo("Body\nline");
    assertThat(item.post().nsfw()).isTrue();
    assertThat(item.commission().message()).isEqualTo("Make it 😀");
    assertThat(item.commission().tier()).isNull();
    assertThat(item.commission().status()).isEqualTo(DonationStatus.SUCCEEDED);
    assertThat(item.supportTotal()).isEqualTo(Money.ofCents(900));
    String[] noPost = card();
    Arrays.fill(noPost, 17, 30, null);
    Arrays.fill(noPost, 30, 43, null);
    GalleryItem bare = GalleryCards.item(pack(noPost), 0, Money.ZERO);
    assertThat(bare.post()).isNull();
    assertThat(bare.commission()).isNull();
  }

  @Test
  void aCardThisVersionDidNotWriteIsRefused() {
    String whole = new String(pack(card()), StandardCharsets.UTF_8);
    List<byte[]> refused = new ArrayList<>(List.of(
        "2".concat(whole.substring(1)).getBytes(StandardCharsets.UTF_8),
        whole.substring(0, whole.length() - 1).getBytes(StandardCharsets.UTF_8),
        (whole + "x").getBytes(StandardCharsets.UTF_8),
        whole.replaceFirst(";", ",;").getBytes(StandardCharsets.UTF_8),
        whole.replaceFirst("1,1,", "1,-5,").getBytes(StandardCharsets.UTF_8),
        "".getBytes(StandardCharsets.UTF_8), "1,2;ab".getBytes(StandardCharsets.UTF_8),
        pack(with(23, "1x")), pack(with(23, "")), pack(with(0, "123456789012345678901")),
        pack(with(23, "99999999999")), pack(with(15, "shoddy")), pack(with(2, null)), pack(with(19, null)),
        pack(with(35, "lost")), pack(with(33, null)), pack(with(39, null)), pack(with(31, null))));
    for (byte[] card : refused) {
      assertThatThrownBy(() -> GalleryCards.item(card, 0, Money.ZERO))
          .as(new String(card, StandardCharsets.UTF_8)).isInstanceOf(PackedValues.Unreadable.class);
    }
    assertThatThrownBy(() -> GalleryCards.item(null, 0, Money.ZERO)).isInstanceOf(PackedValues.Unreadable.class);
    assertThatThrownBy(() -> GalleryCards.commission(pack(with(35, "lost"))))
        .isInstanceOf(PackedValues.Unreadable.class);
  }

  @Test
  void headerNumbersAreAnOptionalMinusAndOneToEighteenDigits() {
    long[] two = new long[2];
    assertThat(PackedValues.header("999999999999999999,-999999999999999999;x".getBytes(StandardCharsets.UTF_8), 0, two))
        .isEqualTo(39);
    assertThat(two).containsExactly(999_999_999_999_999_999L, -999_999_999_999_999_999L);
    assertThat(PackedValues.header("0,-0;".getBytes(StandardCharsets.UTF_8), 0, two)).isEqualTo(5);
    assertThat(two).containsExactly(0L, 0L);
    for (String bad : List.of("1234567890123456789,1;", "1,1234567890123456789;", "-1234567890123456789,1;", "-,1;", "1,-;", ",1;", "1,;",
        "1;1;", "1,1,", "1,1", "1", "", "+1,1;", " 1,1;", "1,1 ;", "1,--1;")) {
      assertThatThrownBy(() -> PackedValues.header(bad.getBytes(StandardCharsets.UTF_8), 0, new long[2]))
          .as(bad).isInstanceOf(PackedValues.Unreadable.class);
    }
  }

  /** A support as {@link NewestSupports#entry} packs it. */
  private static String support(long id, String cents, String message) {
    String[] texts = {"gold", null, "cats", "Dana", null, message};
    StringBuilder entry = new StringBuilder().append(id).append(',').append(cents).append(",1700000000000,1");
    for (String text : texts) {
      entry.append(',').append(text == null ? -1 : text.getBytes(StandardCharsets.UTF_8).length);
    }
    entry.append(';');
    for (String text : texts) {
      entry.append(text == null ? "" : text);
    }
    return entry.toString();
  }

  @Test
  void aListIsReadEntryByEntryAndRefusedIfAnyIsNotWhole() {
    byte[] list = (support(3, "700", "café, 2;") + support(2, "500", "")).getBytes(StandardCharsets.UTF_8);
    List<DonationSummary> read = new ArrayList<>();
    NewestSupports.read(list, 10, "p1", read);
    assertThat(read).extracting(DonationSummary::id).containsExactly(3L, 2L);
    assertThat(read.get(0).message()).isEqualTo("café, 2;");
    assertThat(read.get(0).donorName()).as("anonymous").isEqualTo("Anonymous");
    assertThat(read.get(1).amount()).isEqualTo(Money.ofCents(500));
    List<DonationSummary> one = new ArrayList<>();
    NewestSupports.read(list, 1, "p1", one);
    assertThat(one).hasSize(1);

    for (String bad : List.of(support(3, "-700", "m"), support(3, "7x", "m"), support(3, "700", "m") + "1,2",
        support(3, "700", "m").replace(",1;", ",-1;"), support(3, "700", "m").replace(",1,4,-1,", ",1,-5,-1,"),
        support(3, "700", "message").substring(0, 20))) {
      assertThatThrownBy(() -> NewestSupports.read(bad.getBytes(StandardCharsets.UTF_8), 10, "p1", new ArrayList<>()))
          .as(bad).isInstanceOf(PackedValues.Unreadable.class);
    }
  }
}
