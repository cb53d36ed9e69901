package dev.headroom.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }

    @Test
    void string_countsNameAndUtf8Bytes() {
        assertEquals(4 + 5, CapacityUnits.itemBytes(Map.of("name", s("hello"))));
        // "é" is two UTF-8 bytes, "€" three.
        assertEquals(1 + 5, CapacityUnits.itemBytes(Map.of("k", s("é€"))));
    }

    @Test
    void number_twoDigitGroupsPlusExponentByte() {
        assertEquals(1, ItemSize.numberBytes("0"));
        assertEquals(2, ItemSize.numberBytes("7"));
        assertEquals(2, ItemSize.numberBytes("12"));
        assertEquals(3, ItemSize.numberBytes("123"));
        assertEquals(2, ItemSize.numberBytes("100"));
        assertEquals(2, ItemSize.numberBytes("100.000"));
        assertEquals(3, ItemSize.numberBytes("-7"));
        assertEquals(3, ItemSize.numberBytes("1234"));
    }

    @Test
    void number_alignmentAtDecimalPoint() {
        // 1.2 spans two digit groups (01 and 20); 12 fits one.
        assertEquals(3, ItemSize.numberBytes("1.2"));
        assertEquals(2, ItemSize.numberBytes("0.12"));
    }

    @Test
    void binaryBooleanAndNull() {
        Map<String, AttributeValue> item = Map.of(
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])),
                "t", AttributeValue.fromBool(true),
                "z", AttributeValue.fromNul(true));

        assertEquals(1 + 10 + 1 + 1 + 1 + 1, CapacityUnits.itemBytes(item));
    }

    @Test
    void listAndMap_overheads() {
        assertEquals(1 + 3, CapacityUnits.itemBytes(Map.of("l", AttributeValue.fromL(List.of()))));
        assertEquals(1 + 3 + (1 + 2) + (1 + 1),
                CapacityUnits.itemBytes(Map.of("l",
                        AttributeValue.fromL(List.of(s("ab"), AttributeValue.fromBool(false))))));
        assertEquals(1 + 3 + 1 + (3 + 2),
                CapacityUnits.itemBytes(Map.of("m",
                        AttributeValue.fromM(Map.of("key", s("vv"))))));
    }

    @Test
    void sets_sumTheirElements() {
        assertEquals(2 + 3 + 2, CapacityUnits.itemBytes(
                Map.of("ss", AttributeValue.fromSs(List.of("abc", "de")))));
        assertEquals(2 + 2 + 3, CapacityUnits.itemBytes(
                Map.of("ns", AttributeValue.fromNs(List.of("5", "-5")))));
    }
}
