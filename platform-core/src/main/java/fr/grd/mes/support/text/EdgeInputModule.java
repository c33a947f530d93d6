package fr.grd.mes.support.text;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The guard at the edge, applied to every JSON document the services read from outside (HTTP bodies and the
 * SGE portal's Kafka ingress, which use the same mapper): every text value must pass {@link PlainText} (single
 * line unless the field is {@link MultiLine}), every decimal has at most {@value #MAX_INTEGER_DIGITS} integer
 * digits and {@value #MAX_DECIMALS} decimals, and every date lies in [{@value #MIN_YEAR}, {@value #MAX_YEAR}].
 * A refused value is a 400 naming its field, before any rule or any arithmetic sees it (so {@code 1e999999999}
 * or {@code +999999999-12-31} can never reach a {@code setScale} or a date computation). Fields keep their own
 * tighter bounds; these are the outer ones no field may exceed.
 */
public final class EdgeInputModule extends SimpleModule {
    public static final int MAX_INTEGER_DIGITS = 12;
    public static final int MAX_DECIMALS = 6;
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    public EdgeInputModule() {
        super("edge-input");
        addDeserializer(String.class, new PlainTextDeserializer(false));
        addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        addDeserializer(LocalDate.class, new BoundedDateDeserializer());
    }

    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {
        private final boolean multiLine;

        PlainTextDeserializer(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean lines = property != null && property.getAnnotation(MultiLine.class) != null;
            return lines == multiLine ? this : new PlainTextDeserializer(lines);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = PlainText.problem(value, multiLine).orElse(null);
            if (problem != null) {
                return ctxt.reportInputMismatch(String.class, "%s", problem);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }

    static final class BoundedDecimalDeserializer extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimalDeserializer() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                return ctxt.reportInputMismatch(BigDecimal.class, "%s",
                        "is out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
            }
            if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
                return ctxt.reportInputMismatch(BigDecimal.class, "%s",
                        "has too many decimals: at most " + MAX_DECIMALS);
            }
            return value;
        }
    }

    static final class BoundedDateDeserializer extends StdScalarDeserializer<LocalDate> {
        BoundedDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (value != null && (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR)) {
                return ctxt.reportInputMismatch(LocalDate.class, "%s",
                        "is out of range: dates lie between " + MIN_YEAR + " and " + MAX_YEAR);
            }
            return value;
        }
    }
}
