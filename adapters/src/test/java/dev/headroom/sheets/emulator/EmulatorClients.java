package dev.headroom.sheets.emulator;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.api.services.sheets.v4.model.SpreadsheetProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.function.Executable;

/** Builds real Sheets clients against a running emulator, one per identity. */
final class EmulatorClients {

    private final SheetsEmulator emulator;
    private final NetHttpTransport transport = new NetHttpTransport();

    EmulatorClients(SheetsEmulator emulator) {
        this.emulator = emulator;
    }

    /** Returns a client that sends {@code token} as its bearer token, or none when null. */
    Sheets client(String token) {
        return new Sheets.Builder(transport, GsonFactory.getDefaultInstance(), request -> {
            if (token != null) {
                request.getHeaders().setAuthorization("Bearer " + token);
            }
        }).setRootUrl(emulator.rootUrl()).setApplicationName("headroom-tests").build();
    }

    /** Creates a workbook with one default tab named Sheet1 and returns its id. */
    static String createWorkbook(Sheets sheets, String title) throws IOException {
        Spreadsheet created = sheets.spreadsheets().create(new Spreadsheet()
                .setProperties(new SpreadsheetProperties().setTitle(title))).execute();
        return created.getSpreadsheetId();
    }

    /** Runs a call that must fail and returns Google's error as the client reports it. */
    static GoogleJsonResponseException failure(Executable call) {
        return assertThrows(GoogleJsonResponseException.class, call);
    }

    /**
     * Parses the error object of a failed call, as the client kept it: the content of the
     * response's {@code error} field, with every key it had.
     */
    static GenericJson errorBody(GoogleJsonResponseException failure) {
        try {
            return GsonFactory.getDefaultInstance()
                    .fromString(failure.getContent(), GenericJson.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(new IOException("Unreadable error body: "
                    + failure.getContent(), unreadable));
        }
    }
}
