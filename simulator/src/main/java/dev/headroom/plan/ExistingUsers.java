package dev.headroom.plan;

/**
 * The users a backend takes over when its phase goes live, with what each has stored so far.
 * Users are dense indexes {@code 0..count()-1} in sign-up order.
 */
public interface ExistingUsers {

    /** Returns the number of users placed so far, failed sign-ups excluded. */
    int count();

    /** Returns the email of user {@code user}. */
    String email(int user);

    /** Returns the usage and credit rows stored for user {@code user}. */
    long rows(int user);
}
