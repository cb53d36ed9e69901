package dev.headroom.model.sheets;

import dev.headroom.routing.RouterKind;

/**
 * The spread of users over workbooks.
 *
 * @param workbooks the number of workbooks, each with its own tab and cell limits
 * @param router the router that places a new user; existing users never move
 */
public record ShardParams(int workbooks, RouterKind router) {

    /** One workbook, as before sharding. */
    public static final ShardParams SINGLE = new ShardParams(1, RouterKind.CHAR_SUM);

    /** The plan's sharding: five workbooks and the sum of character codes modulo five. */
    public static final ShardParams PLAN = new ShardParams(5, RouterKind.CHAR_SUM);

    public ShardParams {
        if (workbooks < 1) {
            throw new IllegalArgumentException("workbook count is " + workbooks
                    + "; it must be at least 1");
        }
        if (router == null) {
            throw new IllegalArgumentException("router is missing; name one of the routers");
        }
    }
}
