package org.agora.account.ui;

import com.vaadin.flow.component.html.Image;
import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A QR code as an SVG image (Nayuki's encoder; every dark module one square of a single path), always dark on
 * white with the four-module quiet zone scanners need, also in dark mode. Served as a data: URI (the CSP allows
 * data: images), so nothing about it is stored or cached.
 */
final class QrCodeImage {
    private static final int QUIET_ZONE = 4;

    private QrCodeImage() {
    }

    static Image of(String text, String alt) {
        var image = new Image(dataUri(svg(text)), alt);
        image.addClassName("agora-qr");
        image.setWidth("200px");
        image.setHeight("200px");
        return image;
    }

    static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + QUIET_ZONE * 2;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    private static String dataUri(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
