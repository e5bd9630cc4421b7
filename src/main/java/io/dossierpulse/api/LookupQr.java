package io.dossierpulse.api;

import io.nayuki.qrcodegen.QrCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The QR code of a dossier's page on the citizen lookup board, drawn as SVG (no image library). */
final class LookupQr {

    /** Longer ids are refused: no real dossier id is this long, and the code stays small. */
    static final int MAX_ID_LENGTH = 128;
    static final String BOARD_PATH = "tra-cuu/";
    private static final int QUIET_ZONE = 4;

    private LookupQr() {
    }

    /** The board's page of a dossier, under the service's base address (ending in '/'). */
    static String pageUrl(String base, String dossierId) {
        String root = base.endsWith("/") ? base : base + "/";
        return root + BOARD_PATH + URLEncoder.encode(dossierId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final java.util.regex.Pattern PLAIN_BASE =
            java.util.regex.Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?/");

    /** Whether a base address taken from a request is a plain scheme, host and port (no path tricks, bounded). */
    static boolean plainBase(String base) {
        return PLAIN_BASE.matcher(base).matches();
    }

    static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(qr.size * qr.size * 8);
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><title>QR</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
