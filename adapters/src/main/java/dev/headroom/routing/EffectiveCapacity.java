package dev.headroom.routing;

/**
 * How many users fit in N workbooks of T tabs each before the first workbook fills, when users
 * arrive in a given order and the router places each one. Nominal capacity is N x T; an uneven
 * router fills one workbook early and turns the next sign-up for it away although other
 * workbooks still have room, as the plan's design does (it never places a user elsewhere).
 */
public final class EffectiveCapacity {

    private EffectiveCapacity() {
    }

    /**
     * Returns the number of users placed before the first user whose workbook already holds
     * {@code tabsPerWorkbook} users, or {@code emails.length} if none is turned away.
     *
     * @param router places each user; its shard count is the number of workbooks
     * @param emailsInArrivalOrder distinct users in the order they sign up
     * @param tabsPerWorkbook users (tabs) one workbook can hold
     */
    public static int usersBeforeFirstFull(
            ShardRouter router, String[] emailsInArrivalOrder, int tabsPerWorkbook) {
        int[] used = new int[router.shardCount()];
        for (int i = 0; i < emailsInArrivalOrder.length; i++) {
            int shard = router.route(emailsInArrivalOrder[i]);
            if (used[shard] == tabsPerWorkbook) {
                return i;
            }
            used[shard]++;
        }
        return emailsInArrivalOrder.length;
    }
}
