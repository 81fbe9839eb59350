package ai.clouvel.agents.imgur;

import ai.clouvel.agents.http.HttpProviderBuilder;
import ai.clouvel.agents.http.HttpResult;
import ai.clouvel.agents.http.HttpSettings;
import ai.clouvel.agents.http.Redactor;
import ai.clouvel.agents.http.ResilientHttp;
import ai.clouvel.core.image.HostedImage;
import ai.clouvel.core.image.ImageHost;
import ai.clouvel.core.provider.BadResponseException;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An {@link ImageHost} that uploads anonymously to Imgur ({@code Authorization: Client-ID ...},
 * multipart field {@code image}). An option for deployments whose server is not publicly reachable;
 * the default host keeps images in the store.
 */
public final class ImgurImageHost implements ImageHost, AutoCloseable {
  private static final String PROVIDER = "imgur";

  private final String clientId;
  private final String baseUrl;
  private final ResilientHttp http;
  private final Moshi moshi = new Moshi.Builder().build();

  private ImgurImageHost(Builder builder, ResilientHttp.Builder http) {
    this.clientId = builder.clientId;
    this.baseUrl = builder.baseUrl;
    this.http = http.redactor(Redactor.of(builder.clientId)).build();
  }

  /**
   * Starts configuring a host.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Closes the host's HTTP client, unless it was given to the builder (then it stays open).
   */
  @Override
  public void close() {
    http.close();
  }

  @Override
  public HostedImage host(byte[] png, long productId) {
    RequestBody body = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart("image", "product-" + productId + ".png",
            RequestBody.create(png, MediaType.get("image/png")))
        .addFormDataPart("type", "file")
        .addFormDataPart("title", "Clouvel product " + productId)
        .build();
    HttpResult result = http.call(new Request.Builder()
        .url(baseUrl + "/3/image")
        .header("Authorization", "Client-ID " + clientId)
        .post(body)
        .build());
    try {
      UploadResponse response = moshi.adapter(UploadResponse.class).fromJson(result.text());
      if (response == null || response.data() == null || response.data().link() == null
          || response.data().id() == null) {
        throw new BadResponseException(PROVIDER, "upload response without id and link", null);
      }
      if (!response.data().link().startsWith("https://") && !response.data().link().startsWith("http://")) {
        throw new BadResponseException(PROVIDER, "upload link is not http(s)", null);
      }
      return new HostedImage(response.data().id(), response.data().link());
    } catch (IOException | JsonDataException e) {
      throw new BadResponseException(PROVIDER, "malformed upload response: " + e.getMessage(), e);
    }
  }

  /**
   * Imgur's upload response, as far as it is read.
   *
   * @param data the uploaded image
   * @param success whether the upload succeeded
   * @param status the HTTP status Imgur reports
   */
  public record UploadResponse(UploadedImage data, Boolean success, Integer status) {
  }

  /**
   * The uploaded image.
   *
   * @param id Imgur's id
   * @param link the public address
   */
  public record UploadedImage(String id, String link) {
  }

  /**
   * Configures an {@link ImgurImageHost}. Timeouts and retries default to
   * {@link HttpSettings#DEFAULT}.
   */
  public static final class Builder extends HttpProviderBuilder<Builder> {
    private String clientId;
    private String baseUrl = "https://api.imgur.com";

    private Builder() {
      super(HttpSettings.DEFAULT);
    }

    /**
     * Sets the Imgur client id. Required; never logged.
     *
     * @param clientId the id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId").strip();
      return this;
    }

    /**
     * Sets the API address. Default: {@code https://api.imgur.com}.
     *
     * @param baseUrl the address
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      String url = Objects.requireNonNull(baseUrl, "baseUrl").strip();
      this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return this;
    }

    /**
     * Builds the host.
     *
     * @return the host
     * @throws IllegalStateException if no client id was given
     */
    public ImgurImageHost build() {
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalStateException("Imgur needs a client id (IMGUR_CLIENT_ID)");
      }
      return new ImgurImageHost(this, http(PROVIDER));
    }
  }
}
