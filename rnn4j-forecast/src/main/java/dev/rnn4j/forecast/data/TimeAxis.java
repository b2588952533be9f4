package dev.rnn4j.forecast.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads time labels as instants on one numeric axis (seconds since the epoch for calendar labels,
 * the number itself for numeric ones), checks their order and infers the seasonal frequency.
 */
public final class TimeAxis {

    private static final double DAY = 86_400.0;

    private TimeAxis() {
    }

    /** Whether the label is a calendar one (date, date-time, year-month) rather than a plain number. */
    public static boolean isCalendar(String label) {
        return !Double.isNaN(parseCalendar(label));
    }

    /** Date shapes besides ISO that spreadsheets and statistics packages write, none ambiguous. */
    private static final List<DateTimeFormatter> OTHER_DATES = List.of(
            DateTimeFormatter.BASIC_ISO_DATE,                                          // 19580329
            DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT),                      // 2024/1/31
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("MMM-d-uuuu").toFormatter(Locale.ENGLISH),          // Jan-1-1995
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH));         // 31 Jan 2024

    /**
     * The label on the numeric axis, or NaN when it is neither a number nor a recognised date: ISO
     * date (2024-01-31), date-time (2024-01-31T12:00, optional offset, or a space instead of 'T'),
     * year-month (2024-01, 1979-1), and the unambiguous shapes 19580329, 2024/1/31, Jan-1-1995 and
     * 31 Jan 2024. Eight-digit numbers that are valid dates are read as dates.
     */
    public static double parse(String label) {
        String s = label.trim();
        if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
            double basic = parseCalendar(s);
            if (!Double.isNaN(basic)) {
                return basic;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException notNumeric) {
            return parseCalendar(s);
        }
    }

    private static double parseCalendar(String label) {
        String s = label.trim();
        try {
            return LocalDate.parse(s).toEpochDay() * DAY;
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        String t = s.replace(' ', 'T');
        try {
            return LocalDateTime.parse(t).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return OffsetDateTime.parse(t).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        for (DateTimeFormatter f : OTHER_DATES) {
            try {
                return LocalDate.parse(s, f).toEpochDay() * DAY;
            } catch (DateTimeParseException ignored) {
                // try the next shape
            }
        }
        int dash = s.indexOf('-');
        if (dash > 0 && s.indexOf('-', dash + 1) < 0) {
            try {
                int year = Integer.parseInt(s.substring(0, dash));
                int month = Integer.parseInt(s.substring(dash + 1));
                return YearMonth.of(year, month).atDay(1).toEpochDay() * DAY;
            } catch (RuntimeException ignored) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * Observations per seasonal cycle implied by the typical spacing of the labels: 12 for monthly,
     * 4 quarterly, 1 yearly, 7 daily (weekly cycle), 52 weekly, 24 hourly; for decimal years
     * (1949.0833 ...) the reciprocal of the step. Falls back to 1 when nothing fits.
     */
    public static int inferFrequency(List<String> labels) {
        if (labels.size() < 3) {
            return 1;
        }
        double[] t = labels.stream().mapToDouble(TimeAxis::parse).toArray();
        double[] steps = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            steps[i - 1] = t[i] - t[i - 1];
        }
        Arrays.sort(steps);
        double step = steps[steps.length / 2];
        if (step <= 0 || Double.isNaN(step)) {
            return 1;
        }
        if (!isCalendar(labels.get(0))) {
            if (step < 1) {
                return (int) Math.max(1, Math.round(1.0 / step));
            }
            return 1;
        }
        double days = step / DAY;
        if (days < 0.5) {
            return 24;
        }
        if (days < 1.5) {
            return 7;
        }
        if (days < 8) {
            return 52;
        }
        if (days < 32) {
            return 12;
        }
        if (days < 93) {
            return 4;
        }
        return 1;
    }
}
