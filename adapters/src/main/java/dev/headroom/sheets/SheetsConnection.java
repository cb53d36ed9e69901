package dev.headroom.sheets;

import com.google.api.services.sheets.v4.Sheets;
import java.util.Objects;

/**
 * A Sheets API client and the meter that counts its payload bytes, as {@link SheetsClients}
 * builds them. Thread-safe, like the client.
 *
 * @param sheets the Google Sheets v4 client
 * @param meter the byte counter installed in the client's requests
 * @param target where the client sends requests, for logs; never a credential
 */
public record SheetsConnection(Sheets sheets, PayloadMeter meter, String target) {

    /** Checks that every component is present. */
    public SheetsConnection {
        Objects.requireNonNull(sheets, "sheets");
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(target, "target");
    }
}
