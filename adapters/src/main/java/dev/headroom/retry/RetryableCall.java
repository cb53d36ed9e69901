package dev.headroom.retry;

/** One attempt of a store call; it may throw the store client's checked exceptions. */
@FunctionalInterface
public interface RetryableCall<T> {

    /** Makes the call once and returns its result. */
    T call() throws Exception;
}
