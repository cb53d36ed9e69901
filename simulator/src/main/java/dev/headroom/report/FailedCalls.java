package dev.headroom.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The failures of one phase over a span of days: for requests and for sign-ups, the first day
 * with a failure and how many failed that day. The advice names a failure trigger only for a
 * kind of call that failed, with a threshold low enough to hold on that first day.
 *
 * @param firstRequestDay the first day a request failed, or empty if none did
 * @param firstDayRequests the requests that failed on {@code firstRequestDay}
 * @param firstSignUpDay the first day a sign-up failed, or empty if none did
 * @param firstDaySignUps the sign-ups that failed on {@code firstSignUpDay}
 */
record FailedCalls(String firstRequestDay, long firstDayRequests, String firstSignUpDay,
        long firstDaySignUps) {

    /** Reads the failures of {@code phase} from {@code from} to {@code to}, both included. */
    static FailedCalls of(Table daily, String phase, String from, String to) {
        String requestDay = "";
        long requests = 0;
        String signUpDay = "";
        long signUps = 0;
        for (int row = 0; row < daily.rowCount(); row++) {
            String date = daily.stringColumn("date").get(row);
            if (!daily.stringColumn("phase").get(row).equals(phase)
                    || date.compareTo(from) < 0 || date.compareTo(to) > 0) {
                continue;
            }
            long dayRequests = daily.longColumn("failed_requests").getLong(row);
            long daySignUps = daily.longColumn("failed_sign_ups").getLong(row);
            if (requestDay.isEmpty() && dayRequests > 0) {
                requestDay = date;
                requests = dayRequests;
            }
            if (signUpDay.isEmpty() && daySignUps > 0) {
                signUpDay = date;
                signUps = daySignUps;
            }
        }
        return new FailedCalls(requestDay, requests, signUpDay, signUps);
    }

    /**
     * Returns these failures without each kind whose first day is not before {@code day}, so
     * that only triggers that would have held before that day are named.
     */
    FailedCalls before(String day) {
        boolean requests = !firstRequestDay.isEmpty() && firstRequestDay.compareTo(day) < 0;
        boolean signUps = !firstSignUpDay.isEmpty() && firstSignUpDay.compareTo(day) < 0;
        return new FailedCalls(requests ? firstRequestDay : "", requests ? firstDayRequests : 0,
                signUps ? firstSignUpDay : "", signUps ? firstDaySignUps : 0);
    }

    /** Returns the first day a call of either kind failed, or empty if none did. */
    String firstDay() {
        if (firstRequestDay.isEmpty() || firstSignUpDay.isEmpty()) {
            return firstRequestDay + firstSignUpDay;
        }
        return firstRequestDay.compareTo(firstSignUpDay) <= 0 ? firstRequestDay : firstSignUpDay;
    }

    /**
     * Returns the failure triggers that would hold on the first day of each kind of failure,
     * such as "a failed_sign_ups_per_day trigger with a threshold of at most 1 (2 sign-ups
     * failed on 2025-01-06)", or "with a threshold of 0" after a single failure.
     */
    String triggers() {
        List<String> triggers = new ArrayList<>();
        if (!firstRequestDay.isEmpty()) {
            triggers.add(trigger("failed_requests_per_day", firstDayRequests, "request",
                    firstRequestDay));
        }
        if (!firstSignUpDay.isEmpty()) {
            triggers.add(trigger("failed_sign_ups_per_day", firstDaySignUps, "sign-up",
                    firstSignUpDay));
        }
        return String.join(" or ", triggers);
    }

    /**
     * Returns one trigger with its threshold. A trigger holds when a day fails more calls than
     * its threshold, so after a single failed call only a threshold of 0 holds. The threshold
     * has no thousands separator, because the loader rejects a count written with commas.
     */
    private static String trigger(String field, long count, String noun, String day) {
        if (count == 1) {
            return String.format(Locale.ROOT, "a %s trigger with a threshold of 0 (the one %s"
                    + " that failed on %s)", field, noun, day);
        }
        return String.format(Locale.ROOT, "a %s trigger with a threshold of at most %d (%d %ss"
                + " failed on %s)", field, count - 1, count, noun, day);
    }
}
