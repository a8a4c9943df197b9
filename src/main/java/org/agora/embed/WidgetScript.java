package org.agora.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /widget/agora-poll.js}: the widget (plain JavaScript from {@code frontend/widget/}), readable from any
 * origin, cached for 10 minutes and then revalidated by its ETag.
 */
@RestController
class WidgetScript {
    static final String PATH = "widget/agora-poll.js";
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    private final byte[] script;
    private final String etag;

    WidgetScript() {
        try (InputStream in = new ClassPathResource(PATH).getInputStream()) {
            script = in.readAllBytes();
            etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(script), 0, 12) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException("the widget script is missing from the classpath: " + PATH, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/widget/agora-poll.js")
    ResponseEntity<byte[]> script(@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        var cache = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).header("Access-Control-Allow-Origin", "*").build();
        }
        return ResponseEntity.ok().contentType(JAVASCRIPT).eTag(etag).cacheControl(cache)
                .header("Access-Control-Allow-Origin", "*").body(script);
    }
}
