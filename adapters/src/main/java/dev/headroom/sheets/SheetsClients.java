package dev.headroom.sheets;

import com.google.api.client.googleapis.javanet.GoogleNetHttpTransport;
import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Sheets API clients: against Google with application-default credentials or a
 * service-account key file, or against an emulator without credentials.
 *
 * <p>No client retries a throttled or failed call by itself (the credentials only retry a 401
 * once, after refreshing the token): {@link SheetsCalls} does. Every request gets a 20 s
 * connect timeout and a 190 s read timeout, longer than the 180 s after which Sheets abandons a
 * request (https://developers.google.com/workspace/sheets/api/limits, read 2026-04-23).
 */
public final class SheetsClients {

    /** Application name the clients send in their {@code User-Agent} header. */
    public static final String APPLICATION_NAME = "headroom";

    private static final Logger LOG = LoggerFactory.getLogger(SheetsClients.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 20_000;
    private static final int READ_TIMEOUT_MILLIS = 190_000;
    private static final List<String> SCOPES = List.of(SheetsScopes.SPREADSHEETS);

    private SheetsClients() {
    }

    /**
     * Builds a client for Google's service with Google's application-default credentials: the
     * key file named by {@code GOOGLE_APPLICATION_CREDENTIALS}, the gcloud user credentials, or
     * the credentials of the Google Cloud machine the process runs on.
     *
     * @throws IOException if no application-default credentials are found
     */
    public static SheetsConnection applicationDefault() throws IOException {
        GoogleCredentials credentials = GoogleCredentials.getApplicationDefault()
                .createScoped(SCOPES);
        LOG.info("Sheets client uses application-default credentials");
        return build(googleTransport(), null, new HttpCredentialsAdapter(credentials),
                "Google Sheets API (application-default credentials)");
    }

    /**
     * Builds a client for Google's service with the credentials in a JSON key file, such as a
     * service account's key.
     *
     * @throws IOException if the file cannot be read or does not contain credentials
     */
    public static SheetsConnection fromKeyFile(Path keyFile) throws IOException {
        GoogleCredentials credentials;
        try (InputStream in = Files.newInputStream(keyFile)) {
            credentials = GoogleCredentials.fromStream(in).createScoped(SCOPES);
        }
        LOG.info("Sheets client uses the credentials in key file {}", keyFile);
        return build(googleTransport(), null, new HttpCredentialsAdapter(credentials),
                "Google Sheets API (key file " + keyFile + ")");
    }

    /**
     * Builds a client for a Sheets API emulator at {@code rootUrl}, such as
     * {@code http://127.0.0.1:8085/}, without credentials.
     *
     * @param identity the user the emulator charges per-user quotas to, sent as a bearer token;
     *     {@code null} sends no token, which the emulator treats as one anonymous user
     */
    public static SheetsConnection emulator(URI rootUrl, String identity) {
        String root = rootUrl.toString().endsWith("/") ? rootUrl.toString() : rootUrl + "/";
        HttpRequestInitializer identityHeader = request -> {
            if (identity != null) {
                request.getHeaders().setAuthorization("Bearer " + identity);
            }
        };
        LOG.info("Sheets client targets the emulator at {}", root);
        return build(new NetHttpTransport(), root, identityHeader, "Sheets emulator at " + root);
    }

    private static SheetsConnection build(HttpTransport transport, String rootUrl,
            HttpRequestInitializer authentication, String target) {
        PayloadMeter meter = new PayloadMeter();
        HttpRequestInitializer initializer = request -> initialize(request, authentication, meter);
        Sheets.Builder builder = new Sheets.Builder(transport, GsonFactory.getDefaultInstance(),
                initializer).setApplicationName(APPLICATION_NAME);
        if (rootUrl != null) {
            builder.setRootUrl(rootUrl);
        }
        return new SheetsConnection(builder.build(), meter, target);
    }

    private static void initialize(HttpRequest request, HttpRequestInitializer authentication,
            PayloadMeter meter) throws IOException {
        authentication.initialize(request);
        request.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        request.setReadTimeout(READ_TIMEOUT_MILLIS);
        HttpExecuteInterceptor authenticator = request.getInterceptor();
        request.setInterceptor(outgoing -> {
            if (authenticator != null) {
                authenticator.intercept(outgoing);
            }
            meter.countRequest(outgoing.getContent());
        });
        request.setResponseInterceptor(meter::countResponse);
    }

    private static HttpTransport googleTransport() throws IOException {
        try {
            return GoogleNetHttpTransport.newTrustedTransport();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the Google Sheets API: " + e, e);
        }
    }
}
