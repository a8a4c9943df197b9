package org.agora.poll.ui;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** An SVG string parsed as XML (so a test fails if it is not well-formed), with its elements by name. */
record SvgDocument(Document document) {
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
        try {
            FACTORY.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static SvgDocument parse(String svg) {
        try {
            var builder = FACTORY.newDocumentBuilder();
            return new SvgDocument(builder.parse(new InputSource(new StringReader(svg))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    Element root() {
        return document.getDocumentElement();
    }

    List<Element> all(String name) {
        var nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        var elements = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The chart's own title, the first child of the root. */
    String title() {
        return all("title").getFirst().getTextContent();
    }

    String description() {
        return all("desc").getFirst().getTextContent();
    }

    List<String> texts() {
        return all("text").stream().map(Element::getTextContent).toList();
    }
}
