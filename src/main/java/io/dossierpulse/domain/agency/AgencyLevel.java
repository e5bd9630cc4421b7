package io.dossierpulse.domain.agency;

/** Administrative level of an agency in the city's hierarchy. */
public enum AgencyLevel {
    /** City departments and city-level vertical agencies (cấp tỉnh/thành phố). */
    CITY,
    /** Urban and rural districts and towns (cấp huyện); abolished in Hanoi on 1 July 2025. */
    DISTRICT,
    /** Communes and wards (cấp xã). */
    COMMUNE
}
