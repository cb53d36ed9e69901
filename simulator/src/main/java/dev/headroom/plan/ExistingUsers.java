package dev.headroom.plan;

/**
 * The users a backend takes over when its phase goes live, with what each has stored so far.
 * Users are dense indexes {@code 0..size()-1} in sign-up order; a user whose sign-up failed keeps
 * an index but was never placed.
 */
public interface ExistingUsers {

    /** Returns the number of user indexes, failed sign-ups included. */
    int size();

    /** Returns whether user {@code user} was placed in the ledger, whether or not it left. */
    boolean placed(int user);

    /** Returns the email of user {@code user}. */
    String email(int user);

    /** Returns the usage and credit rows stored for user {@code user}. */
    long rows(int user);
}
