package dev.headroom.sheets.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a Google API field mask into dotted paths: {@code title,gridProperties(rowCount,
 * columnCount)} gives {@code title}, {@code gridProperties.rowCount} and
 * {@code gridProperties.columnCount}. Groups may nest.
 */
final class FieldMask {

    private FieldMask() {
    }

    /**
     * Returns the paths a mask names, in order.
     *
     * @throws ApiException when the parentheses do not balance
     */
    static List<String> paths(String mask) {
        List<String> paths = new ArrayList<>();
        for (String part : splitTopLevel(mask)) {
            String trimmed = part.trim();
            int open = trimmed.indexOf('(');
            if (open < 0) {
                if (!trimmed.isEmpty()) {
                    paths.add(trimmed);
                }
                continue;
            }
            if (!trimmed.endsWith(")")) {
                throw invalid(mask);
            }
            String prefix = trimmed.substring(0, open).trim();
            for (String inner : paths(trimmed.substring(open + 1, trimmed.length() - 1))) {
                paths.add(prefix + "." + inner);
            }
        }
        return paths;
    }

    private static List<String> splitTopLevel(String mask) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw invalid(mask);
                }
            } else if (c == ',' && depth == 0) {
                parts.add(mask.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw invalid(mask);
        }
        parts.add(mask.substring(start));
        return parts;
    }

    private static ApiException invalid(String mask) {
        return ApiException.invalidArgument("Invalid field mask: " + mask
                + "; parentheses must balance, as in gridProperties(rowCount,columnCount).");
    }
}
