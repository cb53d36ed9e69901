package dev.headroom.sheets;

import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpResponse;
import java.io.IOException;

/**
 * Counts the bytes of the HTTP requests and responses that one thread sends and receives, so
 * that {@link SheetsCalls} can record the payload of each call. The Google client runs a call's
 * HTTP exchanges on the calling thread, which makes a per-thread count exact.
 *
 * <p>A request counts its body's length and a response its {@code Content-Length} header.
 * NOTE: a response sent without that header (chunked) counts zero bytes.
 */
public final class PayloadMeter {

    private final ThreadLocal<long[]> bytes = ThreadLocal.withInitial(() -> new long[1]);

    /** Adds the length of a request body; {@code null} for a request without one. */
    void countRequest(HttpContent content) throws IOException {
        if (content != null) {
            long length = content.getLength();
            if (length > 0) {
                bytes.get()[0] += length;
            }
        }
    }

    /** Adds the declared length of a response body. */
    void countResponse(HttpResponse response) {
        Long length = response.getHeaders().getContentLength();
        if (length != null && length > 0) {
            bytes.get()[0] += length;
        }
    }

    /** Returns the bytes this thread counted since the last call, and restarts its count. */
    long takeBytes() {
        long[] count = bytes.get();
        long taken = count[0];
        count[0] = 0;
        return taken;
    }
}
