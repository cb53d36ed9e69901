package dev.headroom.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * Properties of effective capacity: it is never below one workbook's tabs (no workbook can fill
 * sooner) and never above the nominal workbooks x tabs, and a router that sends everyone to one
 * workbook reaches exactly one workbook's tabs.
 */
class EffectiveCapacityTest {

    @Test
    void effectiveCapacityLiesBetweenOneWorkbookAndNominal() {
        qt().withFixedSeed(21).withExamples(60)
                .forAll(Generate.pick(List.of(RouterKind.values())), integers().between(1, 12),
                        integers().between(1, 200), longs().all())
                .check((kind, workbooks, tabs, seed) -> {
                    String[] emails = EmailSets.distinct(workbooks * tabs + 1, seed);
                    int fitted = EffectiveCapacity.usersBeforeFirstFull(
                            kind.create(workbooks), emails, tabs);
                    return fitted >= tabs && fitted <= workbooks * tabs;
                });
    }

    @Test
    void singleTargetRouterFillsAfterOneWorkbook() {
        ShardRouter allToZero = new ShardRouter() {
            @Override
            public int route(String key) {
                return 0;
            }

            @Override
            public int shardCount() {
                return 5;
            }
        };
        String[] emails = EmailSets.distinct(1_001, 3);
        assertEquals(200, EffectiveCapacity.usersBeforeFirstFull(allToZero, emails, 200));
    }

    @Test
    void noUserTurnedAwayWhenAllFit() {
        String[] emails = EmailSets.distinct(10, 4);
        int fitted = EffectiveCapacity.usersBeforeFirstFull(new SlotTableRouter(5), emails, 200);
        assertEquals(10, fitted);
    }
}
