package fr.grd.mes.support.flowfile;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A small fluent layer over the JDK's StAX writer: elements in schema order, UTF-8, no hand-made escaping. */
public final class XmlDocument {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final XMLStreamWriter writer;

    public XmlDocument(String root) {
        try {
            writer = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeStartElement(root);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlDocument open(String name) {
        try {
            writer.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlDocument attribute(String name, String value) {
        try {
            writer.writeAttribute(name, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element with text content; nothing is written for a null value (optional elements). */
    public XmlDocument element(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            writer.writeStartElement(name);
            writer.writeCharacters(String.valueOf(value));
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public XmlDocument close() {
        try {
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public byte[] toBytes() {
        try {
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public String toString() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
