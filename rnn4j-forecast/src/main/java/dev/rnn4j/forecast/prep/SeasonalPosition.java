package dev.rnn4j.forecast.prep;

import dev.rnn4j.forecast.data.TimeAxis;
import dev.rnn4j.forecast.data.TimeSeries;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where each observation sits in its seasonal cycle, as calendar features: the position p in
 * 0..m-1 encoded as sin(2 pi p/m) and cos(2 pi p/m), so December sits next to January. With a
 * calendar time column the position is the calendar one (month of year for m=12, quarter for 4,
 * day of week for 7, hour of day for 24, week of year for 52); otherwise it counts from the first
 * observation.
 */
public final class SeasonalPosition {

    private SeasonalPosition() {
    }

    /** Position of observation {@code index} (may lie past the end, for forecast steps). */
    public static int position(TimeSeries s, int index, int m) {
        if (m <= 1) {
            return 0;
        }
        return Math.floorMod(phase(s, m) + index, m);
    }

    /** [sin, cos] of the position of observation {@code index}. */
    public static double[] features(TimeSeries s, int index, int m) {
        if (m <= 1) {
            return new double[]{0, 1};
        }
        double angle = 2 * Math.PI * position(s, index, m) / m;
        return new double[]{Math.sin(angle), Math.cos(angle)};
    }

    /** The calendar position of the first observation, or 0 without a calendar time column. */
    static int phase(TimeSeries s, int m) {
        if (s.times().isEmpty() || !TimeAxis.isCalendar(s.times().get(0))) {
            return 0;
        }
        long seconds = (long) TimeAxis.parse(s.times().get(0));
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        return switch (m) {
            case 12 -> t.getMonthValue() - 1;
            case 4 -> (t.getMonthValue() - 1) / 3;
            case 7 -> t.getDayOfWeek().getValue() - 1;
            case 24 -> t.getHour();
            case 52 -> Math.min(51, (t.getDayOfYear() - 1) / 7);
            default -> 0;
        };
    }
}
