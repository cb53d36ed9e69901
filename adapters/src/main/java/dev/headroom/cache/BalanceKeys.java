package dev.headroom.cache;

/**
 * Redis keys of one user: the cached balance and the user's write generation. Both carry the
 * email as a hash tag, so they fall in the same Redis Cluster slot and one script can use both.
 */
record BalanceKeys(String balance, String generation) {

    static BalanceKeys of(String prefix, String email) {
        String tag = "{" + email + "}";
        return new BalanceKeys(prefix + "balance:" + tag, prefix + "generation:" + tag);
    }
}
