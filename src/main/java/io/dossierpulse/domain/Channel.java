package io.dossierpulse.domain;

/** How a dossier reached the one-stop desk (KenhThucHien). */
public enum Channel {
    IN_PERSON(1),
    ONLINE(2),
    POSTAL(3);

    private final int code;

    Channel(int code) {
        this.code = code;
    }

    /** The portal's code: 1 in person, 2 online, 3 public postal service. */
    public int code() {
        return code;
    }
}
