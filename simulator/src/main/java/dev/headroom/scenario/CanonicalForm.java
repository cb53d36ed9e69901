package dev.headroom.scenario;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canonical text of a scenario: one {@code path=value} line per leaf value, in record
 * component order, with sealed variants named by a {@code @kind} line. Durations are written in
 * milliseconds, sets in sorted order and paths with forward slashes, so the text depends on the
 * effective values only.
 */
final class CanonicalForm {

    private static final Logger LOG = LoggerFactory.getLogger(CanonicalForm.class);

    private CanonicalForm() {
    }

    static String text(Scenario scenario) {
        StringBuilder out = new StringBuilder();
        append(out, "scenario", scenario);
        return out.toString();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static void append(StringBuilder out, String path, Object value) {
        if (value instanceof Record record) {
            appendRecord(out, path, record);
        } else if (value instanceof List<?> list) {
            line(out, path + ".size", Integer.toString(list.size()));
            for (int i = 0; i < list.size(); i++) {
                append(out, path + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof Collection<?> set) {
            List<String> sorted = set.stream().map(String::valueOf).sorted().toList();
            line(out, path, String.join(",", sorted));
        } else if (value instanceof Duration duration) {
            line(out, path, duration.toMillis() + "ms");
        } else if (value instanceof Path file) {
            // The hash covers the file's name and bytes, not its folder, so a copied scenario
            // folder keeps its hash and an edited table changes it.
            Path name = file.getFileName();
            line(out, path, name == null ? "" : name.toString());
            line(out, path + "Sha256", contentHash(file));
        } else if (value instanceof Enum<?> constant) {
            line(out, path, constant.name());
        } else {
            line(out, path, String.valueOf(value));
        }
    }

    private static void appendRecord(StringBuilder out, String path, Record record) {
        Class<?> type = record.getClass();
        for (Class<?> parent : type.getInterfaces()) {
            if (parent.isSealed()) {
                line(out, path + ".@kind", type.getSimpleName());
            }
        }
        for (RecordComponent component : type.getRecordComponents()) {
            try {
                append(out, path + "." + component.getName(),
                        component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + path + "." + component.getName(),
                        e);
            }
        }
    }

    private static String contentHash(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        } catch (IOException e) {
            LOG.warn("Cannot read {} for the scenario hash, so the hash covers its name only: {}",
                    file, e.toString());
            return "unreadable";
        }
    }

    private static void line(StringBuilder out, String path, String value) {
        out.append(path).append('=').append(value).append('\n');
    }
}
