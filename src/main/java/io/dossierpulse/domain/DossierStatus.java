package io.dossierpulse.domain;

/**
 * Dossier status as synchronised to the National Public Service Portal (field TrangThaiHoSo).
 * The numeric code is the portal's; the order of constants follows it.
 */
public enum DossierStatus {
    SUBMITTED(1, "Mới đăng ký"),
    ACCEPTED(2, "Được tiếp nhận"),
    NOT_ACCEPTED(3, "Không được tiếp nhận"),
    PROCESSING(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    FEE_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    RESOLVED(9, "Đã xử lý xong"),
    RESULT_RETURNED(10, "Đã trả kết quả");

    private static final DossierStatus[] BY_CODE = new DossierStatus[11];

    static {
        for (DossierStatus s : values()) {
            BY_CODE[s.code] = s;
        }
    }

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The portal's Vietnamese label. */
    public String label() {
        return label;
    }

    /** True for statuses after which the dossier accepts no further transition but re-appointment bookkeeping. */
    public boolean isFinal() {
        return this == NOT_ACCEPTED || this == WITHDRAWN || this == STOPPED || this == RESULT_RETURNED;
    }

    public static DossierStatus ofCode(int code) {
        if (code < 1 || code > 10) {
            throw new IllegalArgumentException("status code out of range 1-10: " + code);
        }
        return BY_CODE[code];
    }
}
