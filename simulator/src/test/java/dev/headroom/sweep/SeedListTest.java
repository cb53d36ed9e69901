package dev.headroom.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedListTest {

    private static String problem(String text) {
        return assertThrows(IllegalArgumentException.class, () -> SeedList.parse(text))
                .getMessage();
    }

    @Test
    void parse_rangesAndNumbers_sortsSeeds() {
        assertEquals(List.of(0L, 1L, 2L, 3L, 7L), SeedList.parse("7, 1..3 ,0"));
        assertEquals(SeedList.parse("3,6"), SeedList.parse("6,3"));
    }

    @Test
    void parse_oneNumber_givesOneSeed() {
        assertEquals(List.of(42L), SeedList.parse("42"));
    }

    @Test
    void parse_rangeEndingAtLargestSeed_stops() {
        assertEquals(List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE),
                SeedList.parse((Long.MAX_VALUE - 1) + ".." + Long.MAX_VALUE));
    }

    @Test
    void parse_badText_saysWhatIsWrong() {
        assertEquals("the range '5..2' ends before it starts", problem("5..2"));
        assertEquals("seed -1 is out of range: it must be from 0 to " + Long.MAX_VALUE,
                problem("-1"));
        assertEquals("seed 3 is named twice", problem("1..4,3"));
        assertEquals("an item of the list is empty", problem("1,,2"));
        assertEquals("'x' is neither a whole number nor a range such as 1..5", problem("x"));
        assertEquals("'1..' is neither a whole number nor a range such as 1..5", problem("1.."));
        assertEquals("'+5' is neither a whole number nor a range such as 1..5", problem("+5"));
        assertEquals("'\u0661' is neither a whole number nor a range such as 1..5",
                problem("\u0661"));
        assertEquals("seed 99999999999999999999 is out of range: it must be from 0 to "
                + Long.MAX_VALUE, problem("99999999999999999999"));
        assertEquals("seed -2 is out of range: it must be from 0 to " + Long.MAX_VALUE,
                problem("3..-2"));
    }

    @Test
    void parse_tooManySeeds_rejectedBeforeListing() {
        assertEquals(SeedList.MAX_SEEDS, SeedList.parse("1.." + SeedList.MAX_SEEDS).size());
        assertEquals("it names more than 1000 seeds", problem("0.." + SeedList.MAX_SEEDS));
        assertEquals("it names more than 1000 seeds", problem("0.." + Long.MAX_VALUE));
        assertEquals("it names more than 1000 seeds", problem("1..999,2000,3000"));
    }
}
