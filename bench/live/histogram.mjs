/**
 * Latency histograms for the live-session measures (hdr-histogram-js 3): values recorded in
 * microseconds, read back in milliseconds; encoded (compressed base64) to travel from a load-test worker.
 */
import * as hdr from 'hdr-histogram-js';

/** Up to 10 minutes, three significant digits. */
export const newHistogram = () =>
  hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });

/** Record `ms` milliseconds. */
export const recordMs = (histogram, ms) => {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
};

/** The value at `percentile` (0–100), in milliseconds. */
export const percentileMs = (histogram, percentile) => histogram.getValueAtPercentile(percentile) / 1000;

/** p50, p99, max (ms) and count, rounded for the report. */
export const summary = (histogram) => ({
  count: histogram.totalCount,
  p50Ms: round(percentileMs(histogram, 50)),
  p99Ms: round(percentileMs(histogram, 99)),
  maxMs: round(histogram.maxValue / 1000),
});

export const round = (ms) => Math.round(ms * 100) / 100;

export const encode = (histogram) => hdr.encodeIntoCompressedBase64(histogram);

/** Add the encoded histograms into one. */
export function merged(encoded) {
  const total = newHistogram();
  for (const text of encoded) total.add(hdr.decodeFromCompressedBase64(text));
  return total;
}
