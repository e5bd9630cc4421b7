package io.dossierpulse.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * National-portal sync bodies built the way opencps-v2's DVCQGIntegrationActionImpl builds them:
 * the envelope's session token and sender unit, every scalar a string, dates as yyyyMMddHHmmss, ""
 * for a date not yet known, DonViXuLy as the agency's name, the applicant's personal fields filled
 * in, and the lists present (empty unless a test gives supplement rounds).
 */
public final class OpenCpsBodies {

    /** Personal values every body here carries: none may appear in anything the service writes. */
    public static final String APPLICANT = "Nguyễn Văn Thử";
    public static final String EMAIL = "thu.nguyen@example.vn";
    public static final String PHONE = "0912345678";
    public static final String SUMMARY = "Đăng ký khai sinh cho con thứ hai";
    public static final String SESSION = "secret-session-token-abc";
    public static final List<String> PERSONAL = List.of(APPLICANT, EMAIL, PHONE, SUMMARY, SESSION, "079090001234");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body = JSON.createObjectNode();
    private final ArrayNode data;

    private OpenCpsBodies(String service, boolean withIsUpdating) {
        body.put("session", SESSION);
        body.put("madonvi", "000.00.01.H26");
        if (withIsUpdating) {
            body.put("isUpdating", "False");
        }
        body.put("service", service);
        data = body.putArray("data");
    }

    public static OpenCpsBodies dongBo() {
        return new OpenCpsBodies("DongBoHoSoMC", true);
    }

    public static OpenCpsBodies capNhatTienDo() {
        return new OpenCpsBodies("CapNhatTienDoHoSoMC", false);
    }

    /** A DongBoHoSoMC item in opencps-v2's field order; dates "" when not known yet. */
    public OpenCpsBodies dossier(String maHoSo, String maTthc, String trangThai, String ngayTiepNhan,
            String ngayHenTra, String ngayKetThucXuLy, String ngayTra, String donViXuLy, ObjectNode... rounds) {
        ObjectNode o = data.addObject();
        o.put("MaHoSo", maHoSo);
        o.put("MaTTHC", maTthc);
        o.put("TenTTHC", "Đăng ký khai sinh");
        o.put("MaLinhVuc", "HT");
        o.put("TenLinhVuc", "Hộ tịch");
        o.put("ChuHoSo", APPLICANT);
        o.put("LoaiDoiTuong", "1");
        o.put("MaDoiTuong", "079090001234");
        o.put("ThongTinKhac", "");
        o.put("Email", EMAIL);
        o.put("Fax", PHONE);
        o.put("SoDienThoai", PHONE);
        o.put("TrichYeuHoSo", SUMMARY);
        o.put("NgayTiepNhan", ngayTiepNhan);
        o.put("NgayHenTra", ngayHenTra);
        o.put("TrangThaiHoSo", trangThai);
        o.put("NgayTra", ngayTra);
        o.put("ThongTinTra", "");
        o.put("HinhThuc", "0");
        o.put("NgayKetThucXuLy", ngayKetThucXuLy);
        o.put("DonViXuLy", donViXuLy);
        o.put("GhiChu", SUMMARY);
        o.putArray("TaiLieuNop").addObject().put("TenTepDinhKem", "giay-chung-sinh-" + PHONE + ".pdf");
        o.putArray("DanhSachLePhi");
        o.putArray("DanhSachTepDinhKemKhac");
        ArrayNode r = o.putArray("DanhSachHoSoBoSung");
        for (ObjectNode round : rounds) {
            r.add(round);
        }
        o.putArray("DanhSachGiayToKetQua");
        return this;
    }

    /** A supplement round (DanhSachHoSoBoSung item) with its requester and content, personal too. */
    public static ObjectNode round(String ngayBoSung, String ngayTiepNhanBoSung, String ngayHenTraTruoc,
            String ngayHenTraMoi) {
        ObjectNode o = JSON.createObjectNode();
        o.put("HoSoBoSungId", "1");
        o.put("NguoiYeuCauBoSung", APPLICANT);
        o.put("NoiDungBoSung", SUMMARY);
        o.put("NgayBoSung", ngayBoSung);
        o.put("NgayTiepNhanBoSung", ngayTiepNhanBoSung);
        o.put("TrangThaiBoSung", ngayTiepNhanBoSung.isEmpty() ? "0" : "1");
        o.put("NgayHenTraTruoc", ngayHenTraTruoc);
        o.put("NgayHenTraMoi", ngayHenTraMoi);
        return o;
    }

    /** A CapNhatTienDoHoSoMC item: the dossier's current step, with the official handling it. */
    public OpenCpsBodies progress(String maHoSo, String trangThai, String thoiDiemXuLy) {
        ObjectNode o = data.addObject();
        o.put("MaHoSo", maHoSo);
        o.put("NguoiXuLy", APPLICANT);
        o.put("ChucDanh", "");
        o.put("ThoiDiemXuLy", thoiDiemXuLy);
        o.put("PhongBanXuLy", "");
        o.put("NoiDungXuLy", SUMMARY);
        o.put("TrangThai", trangThai);
        o.put("NgayBatDau", "");
        o.put("NgayKetThucTheoQuyDinh", "");
        return this;
    }

    public ObjectNode json() {
        return body;
    }

    public byte[] bytes() {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    public String text() {
        return body.toString();
    }

    /** Whether some personal value of these bodies appears in the bytes. */
    public static String personalIn(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        for (String p : PERSONAL) {
            if (s.contains(p)) {
                return p;
            }
        }
        return null;
    }
}
