package fr.grd.mes.client;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** The client's JSON: bodies written and answers read with the same mapper everywhere. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Escapes every non-ASCII character ("\\ud800"), so that text — lone surrogates included — is sent as written. */
    public static final JsonMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Json() {
    }
}
