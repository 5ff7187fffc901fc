package org.caseflow.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The histogram bucket bounds Prometheus scrapes for a metric: what a dashboard's histogram_quantile can resolve. */
public final class HistogramBuckets {

    private HistogramBuckets() {
    }

    /** The largest finite {@code le} bound of {@code <metric>_bucket} in a Prometheus scrape, in seconds. */
    public static double largestFinite(String scrape, String metric) {
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "_bucket\\{.*le=\"([0-9.eE+-]+)\".*$", Pattern.MULTILINE).matcher(scrape);
        double largest = -1;
        while (m.find()) {
            largest = Math.max(largest, Double.parseDouble(m.group(1)));
        }
        if (largest < 0) {
            throw new AssertionError("no buckets of " + metric + " in the scrape");
        }
        return largest;
    }
}
