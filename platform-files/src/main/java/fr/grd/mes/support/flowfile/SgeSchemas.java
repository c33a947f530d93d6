package fr.grd.mes.support.flowfile;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official SGE flow schemas (GRD.XSD.0299/0302 for F15, GRD.XSD.0301 for C15, as published for suppliers)
 * and this project's X12 schema, checked with the JDK's XML Schema validator. Every generated file is
 * validated before it is stored: an invalid file is never offered to a supplier.
 */
public final class SgeSchemas {
    public static final String F15_DETAIL = "sge-xsd/GRD.XSD.0299.Flux_F15_Donnees_Detail_v3.3.2.xsd";
    public static final String F15_GENERAL = "sge-xsd/GRD.XSD.0302.Flux_F15_Donnees_Generales_v3.3.2.xsd";
    public static final String C15 = "sge-xsd/GRD.XSD.0301.Flux_C15_v4.1.1.xsd";
    public static final String X12 = "sge-xsd/X12-suivi-affaires-mes.xsd";

    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private SgeSchemas() {
    }

    /** Throws {@link IllegalStateException} naming the first violation if {@code xml} does not validate. */
    public static void validate(String schemaResource, byte[] xml) {
        try {
            schema(schemaResource).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new IllegalStateException("generated file does not validate against " + schemaResource + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema schema(String resource) {
        return CACHE.computeIfAbsent(resource, name -> {
            URL url = SgeSchemas.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalStateException("missing schema " + name);
            }
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return factory.newSchema(url);
            } catch (SAXException e) {
                throw new IllegalStateException("unreadable schema " + name, e);
            }
        });
    }
}
