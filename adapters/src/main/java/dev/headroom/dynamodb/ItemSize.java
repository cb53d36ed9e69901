package dev.headroom.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item size in bytes as DynamoDB counts it for capacity units and the 400 KB item limit.
 *
 * <p>Rules from "DynamoDB item sizes and formats", Amazon DynamoDB Developer Guide,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 * (read 2026-12): an item is the sum over its attributes of the UTF-8 length of the name plus
 * the size of the value. A string counts its UTF-8 bytes and a binary its raw bytes. A Boolean
 * or a null counts 1 byte. A list or a map counts 3 bytes plus 1 byte and the size of each
 * element, where a map element also counts its name. A set counts the sum of its elements.
 *
 * <p>The guide states a number's size only approximately: 1 byte per two significant digits,
 * plus 1 byte. This class counts the two-digit groups aligned at the decimal point, plus one
 * byte for the exponent and one for a negative sign, which is the rule dynalite 4.0.0
 * (https://github.com/architect/dynalite, db/index.js) applies. Zero is 1 byte.
 */
final class ItemSize {

    private static final int LIST_OR_MAP_OVERHEAD_BYTES = 3;
    private static final int ELEMENT_OVERHEAD_BYTES = 1;

    private ItemSize() {
    }

    /** Returns the size of an item, the sum of its attribute names and values, in bytes. */
    static long itemBytes(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            total += utf8Bytes(attribute.getKey()) + valueBytes(attribute.getValue());
        }
        return total;
    }

    /** Returns the size of one attribute value without its name, in bytes. */
    static long valueBytes(AttributeValue value) {
        switch (value.type()) {
            case S:
                return utf8Bytes(value.s());
            case N:
                return numberBytes(value.n());
            case B:
                return value.b().asByteArrayUnsafe().length;
            case BOOL:
            case NUL:
                return 1;
            case SS:
                return value.ss().stream().mapToLong(ItemSize::utf8Bytes).sum();
            case NS:
                return value.ns().stream().mapToLong(ItemSize::numberBytes).sum();
            case BS:
                return value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
            case L:
                return listBytes(value.l());
            case M:
                return mapBytes(value.m());
            default:
                throw new IllegalArgumentException(
                        "attribute value has no known DynamoDB type: " + value);
        }
    }

    /**
     * Returns the size of a DynamoDB number written in decimal, such as {@code "-12.50"}.
     *
     * @throws NumberFormatException if the text is not a decimal number
     */
    static long numberBytes(String number) {
        BigDecimal value = new BigDecimal(number.trim());
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal digits = value.stripTrailingZeros();
        int significantDigits = digits.precision();
        int leadingExponent = significantDigits - digits.scale() - 1;
        int digitPairs = (significantDigits + 1) / 2;
        if (significantDigits % 2 == 0 && Math.floorMod(leadingExponent, 2) == 0) {
            digitPairs++;
        }
        int signByte = value.signum() < 0 ? 1 : 0;
        return 1 + digitPairs + signByte;
    }

    static long utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long listBytes(List<AttributeValue> elements) {
        long total = LIST_OR_MAP_OVERHEAD_BYTES;
        for (AttributeValue element : elements) {
            total += ELEMENT_OVERHEAD_BYTES + valueBytes(element);
        }
        return total;
    }

    private static long mapBytes(Map<String, AttributeValue> entries) {
        return LIST_OR_MAP_OVERHEAD_BYTES + entries.size() * (long) ELEMENT_OVERHEAD_BYTES
                + itemBytes(entries);
    }
}
