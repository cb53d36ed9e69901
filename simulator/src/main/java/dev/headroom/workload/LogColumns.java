package dev.headroom.workload;

import java.util.List;
import java.util.Locale;

/**
 * The header names of the three columns a request log needs. A {@code null} name means "detect
 * it": the reader then accepts any of the usual spellings listed below, compared without case,
 * spaces, underscores or hyphens.
 *
 * @param timestamp the arrival time column, or {@code null} to detect {@code TIMESTAMP},
 *     {@code time}, {@code created_at} or {@code date}
 * @param tokensIn the prompt tokens column, or {@code null} to detect {@code ContextTokens},
 *     {@code tokens_in}, {@code prompt_tokens} or {@code input_tokens}
 * @param tokensOut the generated tokens column, or {@code null} to detect
 *     {@code GeneratedTokens}, {@code tokens_out}, {@code completion_tokens} or
 *     {@code output_tokens}
 */
public record LogColumns(String timestamp, String tokensIn, String tokensOut) {

    /** Detects all three columns. */
    public static final LogColumns DETECT = new LogColumns(null, null, null);

    static final List<String> TIMESTAMP_NAMES = List.of("timestamp", "time", "createdat", "date");
    static final List<String> TOKENS_IN_NAMES =
            List.of("contexttokens", "tokensin", "prompttokens", "inputtokens");
    static final List<String> TOKENS_OUT_NAMES =
            List.of("generatedtokens", "tokensout", "completiontokens", "outputtokens");

    /** Reduces a header name to the form that detection compares. */
    static String canonical(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\"]", "");
    }
}
