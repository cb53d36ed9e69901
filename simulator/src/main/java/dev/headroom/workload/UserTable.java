package dev.headroom.workload;

import java.util.Arrays;

/**
 * Per-user workload state in parallel primitive arrays, indexed by dense user numbers
 * {@code 0..size()-1} in sign-up order: about 32 bytes per user, with no object per user.
 *
 * <p>Not thread-safe: one simulation owns one table.
 */
public final class UserTable {

    /** Sentinel time for a user who never leaves. */
    public static final long NEVER = Long.MAX_VALUE;

    private double[] ratePerDay;
    private long[] signUpMillis;
    private long[] leaveMillis;
    private long[] balanceMicros;
    private int size;

    /** Creates an empty table with room for {@code initialCapacity} users before it grows. */
    public UserTable(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        ratePerDay = new double[capacity];
        signUpMillis = new long[capacity];
        leaveMillis = new long[capacity];
        balanceMicros = new long[capacity];
    }

    /**
     * Adds a user and returns their index.
     *
     * @param rate mean requests per day
     * @param signUp sign-up time in simulated milliseconds
     * @param leave time the user leaves, or {@link #NEVER}
     * @param balance starting credit balance in micro-dollars
     */
    public int add(double rate, long signUp, long leave, long balance) {
        if (size == ratePerDay.length) {
            grow();
        }
        ratePerDay[size] = rate;
        signUpMillis[size] = signUp;
        leaveMillis[size] = leave;
        balanceMicros[size] = balance;
        return size++;
    }

    /** Returns the number of users who have signed up, those who left included. */
    public int size() {
        return size;
    }

    /** Returns the user's mean rate in requests per day. */
    public double ratePerDay(int user) {
        return ratePerDay[check(user)];
    }

    /** Returns the user's sign-up time in simulated milliseconds. */
    public long signUpMillis(int user) {
        return signUpMillis[check(user)];
    }

    /** Returns the time the user leaves in simulated milliseconds, or {@link #NEVER}. */
    public long leaveMillis(int user) {
        return leaveMillis[check(user)];
    }

    /** Returns whether the user has signed up and not yet left at {@code millis}. */
    public boolean isActive(int user, long millis) {
        return signUpMillis[check(user)] <= millis && millis < leaveMillis[user];
    }

    /** Returns the user's credit balance in micro-dollars; it may be negative after overspend. */
    public long balanceMicros(int user) {
        return balanceMicros[check(user)];
    }

    /** Adds {@code deltaMicros} (negative for usage) to the balance and returns the new one. */
    public long addToBalance(int user, long deltaMicros) {
        balanceMicros[check(user)] = Math.addExact(balanceMicros[user], deltaMicros);
        return balanceMicros[user];
    }

    private int check(int user) {
        if (user < 0 || user >= size) {
            throw new IndexOutOfBoundsException(
                    "user " + user + " is not in the table of " + size + " users");
        }
        return user;
    }

    private void grow() {
        int capacity = ratePerDay.length * 2;
        ratePerDay = Arrays.copyOf(ratePerDay, capacity);
        signUpMillis = Arrays.copyOf(signUpMillis, capacity);
        leaveMillis = Arrays.copyOf(leaveMillis, capacity);
        balanceMicros = Arrays.copyOf(balanceMicros, capacity);
    }
}
