package org.agora.debate.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an Atom 1.0 document (RFC 4287) with the JDK's own StAX writer, which escapes every text and attribute
 * value: nothing given here is ever written as markup. HTML content goes out as escaped text in
 * {@code <content type="html">}, as the RFC asks. Characters XML 1.0 does not allow (control characters, lone
 * surrogates, U+FFFE/U+FFFF) are dropped, so no value can make the document unreadable.
 */
final class AtomWriter {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /** The JDK's implementation, whatever StAX provider happens to be on the classpath. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private AtomWriter() {
    }

    record Feed(String id, String title, String subtitle, Instant updated, String selfHref, String alternateHref,
                List<Entry> entries) {
    }

    /** One entry; {@code authorUri}, {@code published}, {@code category}, {@code summary} and {@code content} may be null. */
    record Entry(String id, String title, Instant published, Instant updated, String authorName, String authorUri,
                 String alternateHref, Category category, String summary, Content content) {
    }

    record Category(String term, String label) {
    }

    /** {@code type} is "text" or "html"; an html value is an HTML fragment that was sanitized beforehand. */
    record Content(String type, String value) {
        static Content html(String html) {
            return new Content("html", html);
        }

        static Content text(String text) {
            return new Content("text", text);
        }
    }

    static byte[] write(Feed feed) {
        var out = new ByteArrayOutputStream(16 * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            text(xml, "id", feed.id());
            text(xml, "title", feed.title());
            if (feed.subtitle() != null) {
                text(xml, "subtitle", feed.subtitle());
            }
            text(xml, "updated", date(feed.updated()));
            link(xml, "self", "application/atom+xml", feed.selfHref());
            link(xml, "alternate", "text/html", feed.alternateHref());
            xml.writeStartElement("generator");
            xml.writeCharacters("Agora");
            xml.writeEndElement();
            for (Entry entry : feed.entries()) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement("entry");
        text(xml, "id", entry.id());
        text(xml, "title", entry.title());
        if (entry.published() != null) {
            text(xml, "published", date(entry.published()));
        }
        text(xml, "updated", date(entry.updated()));
        xml.writeStartElement("author");
        text(xml, "name", entry.authorName());
        if (entry.authorUri() != null) {
            text(xml, "uri", entry.authorUri());
        }
        xml.writeEndElement();
        link(xml, "alternate", "text/html", entry.alternateHref());
        if (entry.category() != null) {
            xml.writeEmptyElement("category");
            attribute(xml, "term", entry.category().term());
            attribute(xml, "label", entry.category().label());
        }
        if (entry.summary() != null) {
            xml.writeStartElement("summary");
            attribute(xml, "type", "text");
            xml.writeCharacters(xmlSafe(entry.summary()));
            xml.writeEndElement();
        }
        if (entry.content() != null) {
            xml.writeStartElement("content");
            attribute(xml, "type", entry.content().type());
            xml.writeCharacters(xmlSafe(entry.content().value()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        attribute(xml, "rel", rel);
        attribute(xml, "type", type);
        attribute(xml, "href", href);
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, xmlSafe(value));
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * The text without the characters XML 1.0 forbids: C0 controls other than tab, newline and carriage return,
     * lone surrogates, U+FFFE and U+FFFF. ({@code null} becomes "".)
     */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        var out = new StringBuilder(s.length());
        s.codePoints().filter(AtomWriter::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
