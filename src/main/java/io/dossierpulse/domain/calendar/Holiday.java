package io.dossierpulse.domain.calendar;

/** The public holidays of the Labour Code 2019, Article 112, as groups that an official schedule can replace. */
public enum Holiday {
    NEW_YEAR("Tết Dương lịch"),
    TET("Tết Nguyên đán"),
    HUNG_KINGS("Giỗ Tổ Hùng Vương"),
    REUNIFICATION("Ngày Chiến thắng 30/4"),
    LABOUR_DAY("Ngày Quốc tế Lao động 1/5"),
    NATIONAL_DAY("Quốc khánh 2/9");

    private final String label;

    Holiday(String label) {
        this.label = label;
    }

    /** The Vietnamese name, used as the reason of the day off. */
    public String label() {
        return label;
    }
}
