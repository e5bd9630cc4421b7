package io.dossierpulse.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LookupQrTest {

    @Test
    void linksToTheDossiersPageWithTheIdEncoded() {
        assertEquals("https://dvc.example.vn/tra-cuu/HS%2F01%20A", LookupQr.pageUrl("https://dvc.example.vn", "HS/01 A"));
        assertEquals("http://127.0.0.1:8080/tra-cuu/X-1", LookupQr.pageUrl("http://127.0.0.1:8080/", "X-1"));
    }

    @Test
    void drawsASquareCodeAsSvg() {
        String svg = LookupQr.svg("http://127.0.0.1:8080/tra-cuu/X-1");
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        // Version 2 or 3 for a link this long: 25 or 29 modules and the quiet zone on both sides.
        assertTrue(svg.contains("viewBox=\"0 0 33 33\"") || svg.contains("viewBox=\"0 0 37 37\""), svg.substring(0, 120));
        assertTrue(svg.contains("M4,4h1v1h-1z"), "the finder pattern's corner module is dark");
    }

    @Test
    void onlyAPlainHostIsTakenFromARequest() {
        assertTrue(LookupQr.plainBase("http://127.0.0.1:8080/"));
        assertTrue(LookupQr.plainBase("https://dvc.hanoi.gov.vn/"));
        assertTrue(!LookupQr.plainBase("http://evil.example/path/"));
        assertTrue(!LookupQr.plainBase("http://" + "a".repeat(300) + "/"));
        assertTrue(!LookupQr.plainBase("javascript:alert(1)//"));
    }
}
