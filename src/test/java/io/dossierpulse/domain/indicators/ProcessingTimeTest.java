package io.dossierpulse.domain.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessingTimeTest {

    @ParameterizedTest(name = "{0} working minutes: bucket {1}")
    @CsvSource({
        "0, 0", "29, 0", "30, 1", "59, 1", "60, 2", "479, 4", "480, 5", "959, 5", "960, 6", "1439, 6", "1440, 7", "2399, 7", "2400, 8", "9599, 11", "9600, 12",
        "47999, 14", "48000, 15", "9223372036854775807, 15", "-5, 0",
    })
    void bucketBoundariesAreLowerInclusiveUpperExclusive(long minutes, int bucket) {
        assertEquals(bucket, ProcessingTime.bucket(minutes));
    }

    @Test
    void boundsAgreeWithBucket() {
        for (int b = 0; b < 16; b++) {
            assertEquals(b, ProcessingTime.bucket(ProcessingTime.lowerBound(b)), "lower of " + b);
            if (b < 15) {
                assertEquals(b, ProcessingTime.bucket(ProcessingTime.upperBound(b) - 1), "upper of " + b);
                assertEquals(ProcessingTime.upperBound(b), ProcessingTime.lowerBound(b + 1));
            }
        }
        assertEquals(Long.MAX_VALUE, ProcessingTime.upperBound(15));
        assertEquals(0, ProcessingTime.lowerBound(0));
    }
}
